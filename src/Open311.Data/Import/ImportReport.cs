using System.Diagnostics;

namespace Open311.Data.Import;

/// <summary>What one data pack import read, stored and rejected, by kind of row.</summary>
public sealed class ImportReport(string jurisdictionId)
{
    private readonly List<ImportCount> _counts = [];
    private readonly List<ImportRejection> _rejections = [];

    public string JurisdictionId { get; } = jurisdictionId;

    public IReadOnlyList<ImportCount> Counts => _counts;

    public IReadOnlyList<ImportRejection> Rejections => _rejections;

    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Returns the count line for <paramref name="kind"/>, such as <c>requests</c>; throws when there is none.</summary>
    public ImportCount this[string kind] => _counts.Single(count => count.Kind == kind);

    /// <summary>Adds the count line for <paramref name="kind"/>; rows read are the accepted ones plus those rejected so far.</summary>
    internal void Count(string kind, int accepted, int stored, int inserted)
    {
        var rejected = _rejections.Count(rejection => rejection.Kind == kind);
        _counts.Add(new ImportCount(kind, accepted + rejected, stored, inserted, rejected));
    }

    internal void Reject(string kind, string row, string reason) => _rejections.Add(new ImportRejection(kind, row, reason));
}

/// <summary>
/// Rows of one kind: <see cref="Read"/> from the file, <see cref="Stored"/> in the database after the run
/// (new or already there), of which <see cref="Inserted"/> were added by this run, and <see cref="Rejected"/>.
/// </summary>
public sealed record ImportCount(string Kind, int Read, int Stored, int Inserted, int Rejected);

/// <summary>A row that was not stored: its kind, where it is in the file (line or id), and why.</summary>
public sealed record ImportRejection(string Kind, string Row, string Reason);

internal static class ImportTiming
{
    public static async Task<ImportReport> TimeAsync(Func<Task<ImportReport>> import)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await import();
        report.Elapsed = stopwatch.Elapsed;
        return report;
    }
}
