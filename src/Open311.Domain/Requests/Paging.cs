namespace Open311.Domain.Requests;

/// <summary>Turns a page number into the count of rows to skip, without 32-bit overflow.</summary>
public static class Paging
{
    /// <summary>
    /// Returns <c>(page - 1) * pageSize</c>, worked out in 64 bits and capped at <see cref="int.MaxValue"/>, the most
    /// a query can skip. A capped skip passes the end of any shorter list, so a huge page number yields an empty
    /// page, never page 1 again.
    /// </summary>
    public static int Skip(int page, int pageSize) =>
        (int)Math.Clamp(((long)page - 1) * pageSize, 0, int.MaxValue);
}
