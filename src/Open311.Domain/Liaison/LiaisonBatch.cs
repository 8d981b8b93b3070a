using System.Text.Json.Serialization;

namespace Open311.Domain.Liaison;

/// <summary>The lifecycle of a batch: previewed (draft), being stored (submitting), stored (submitted).</summary>
public static class BatchStatuses
{
    public const string Draft = "draft";
    public const string Submitting = "submitting";
    public const string Submitted = "submitted";
}

/// <summary>
/// A set of rows a liaison entered (CSV upload or the grid form), kept between preview and submit so the
/// submit step works on exactly what the liaison saw.
/// </summary>
public sealed class LiaisonBatch
{
    private LiaisonBatch()
    {
        UserId = string.Empty;
        JurisdictionId = string.Empty;
        Source = string.Empty;
        Status = BatchStatuses.Draft;
        Rows = [];
        Results = [];
    }

    public LiaisonBatch(string userId, string jurisdictionId, string source, string? fileName, byte[]? fileSha256, IReadOnlyList<BatchRow> rows, DateTimeOffset createdAt)
    {
        UserId = userId;
        JurisdictionId = jurisdictionId;
        Source = source;
        FileName = fileName;
        FileSha256 = fileSha256;
        Status = BatchStatuses.Draft;
        Rows = [.. rows];
        Results = [];
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public string JurisdictionId { get; private set; }

    /// <summary><c>csv</c> or <c>grid</c>.</summary>
    public string Source { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>
    /// SHA-256 of the batch's normalised rows (see the portal's batch fingerprint), used to recognise the same rows
    /// uploaded again whatever the file's encoding or line endings. Batches stored before the fingerprint have a hash of the bytes.
    /// </summary>
    public byte[]? FileSha256 { get; private set; }

    public string Status { get; private set; }

    public List<BatchRow> Rows { get; private set; }

    /// <summary>The requests created by the submit, one per submitted row.</summary>
    public List<BatchResult> Results { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public int ValidCount => Rows.Count(row => row.IsValid);

    public int FailedCount => Rows.Count(row => !row.IsValid);

    public void MarkSubmitted(IEnumerable<BatchResult> results, DateTimeOffset at)
    {
        Results = [.. results];
        Status = BatchStatuses.Submitted;
        SubmittedAt = at;
    }
}

/// <summary>One row as read, with the problems found in it. <see cref="Values"/> is keyed by CSV column name.</summary>
public sealed class BatchRow
{
    /// <summary>The row's number as a spreadsheet shows it: the header is row 1, the first data row is row 2.</summary>
    public int Number { get; set; }

    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    public List<RowIssue> Errors { get; set; } = [];

    public List<RowIssue> Warnings { get; set; } = [];

    /// <summary>Cells beyond the header's named columns, kept so that the failed-rows download loses nothing.</summary>
    public List<string> Extra { get; set; } = [];

    [JsonIgnore]
    public bool IsValid => Errors.Count == 0;

    public string? Value(string column) => Values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// An error or warning about one column of a row; <see cref="Link"/> points at a related request, and
/// <see cref="Kind"/> names warnings that the submit must confirm (<see cref="RowIssueKinds"/>).
/// </summary>
public sealed record RowIssue(string Column, string Message, string? Link = null, string? Kind = null);

public static class RowIssueKinds
{
    /// <summary>The row matches a request the same liaison submitted in an earlier batch.</summary>
    public const string SubmittedBefore = "submitted-before";
}

/// <summary>The request created from one row.</summary>
public sealed record BatchResult(int RowNumber, long RequestId, string PublicId);
