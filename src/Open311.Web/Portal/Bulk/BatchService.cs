using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Liaison;
using Open311.Domain.Requests;
using Open311.Domain.Submission;

namespace Open311.Web.Portal.Bulk;

/// <summary>How a submit ended; <see cref="Message"/> explains every outcome but <see cref="SubmitStatus.Submitted"/>.</summary>
public enum SubmitStatus
{
    Submitted,
    AlreadySubmitted,
    InProgress,
    NothingToSubmit,
    Rejected,
    Failed,
}

public sealed record SubmitOutcome(SubmitStatus Status, string? Message = null);

/// <summary>
/// Creates draft batches from an upload or the grid, and submits a batch's valid rows once, all or none.
/// </summary>
public sealed partial class BatchService(
    Open311DbContext db,
    BatchRowChecker checker,
    IServiceRequestSubmitter submitter,
    TimeProvider clock,
    ILogger<BatchService> logger)
{
    /// <summary>Reads and checks an uploaded file; returns the stored draft, or the reason the file was rejected.</summary>
    public async Task<(LiaisonBatch? Batch, string? Error)> CreateFromFileAsync(LiaisonScope scope, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var read = CsvBatchReader.Read(content);
        if (read.FileError is not null)
        {
            return (null, read.FileError);
        }

        return (await CreateAsync(scope, "csv", Path.GetFileName(fileName), [.. read.Rows], cancellationToken), null);
    }

    /// <summary>Checks the filled rows of the grid and stores them as a draft.</summary>
    public Task<LiaisonBatch> CreateFromGridAsync(LiaisonScope scope, IReadOnlyList<BatchRow> rows, CancellationToken cancellationToken = default) =>
        CreateAsync(scope, "grid", null, rows, cancellationToken);

    private async Task<LiaisonBatch> CreateAsync(LiaisonScope scope, string source, string? fileName, IReadOnlyList<BatchRow> rows, CancellationToken cancellationToken)
    {
        // The fingerprint is taken before the checks add errors and warnings, from what the liaison typed.
        var fingerprint = BatchFingerprint.Of(rows);
        var started = clock.GetTimestamp();
        await checker.CheckAsync(rows, scope, cancellationToken);

        var batch = new LiaisonBatch(scope.UserId, scope.Jurisdiction!.Id, source, fileName, fingerprint, rows, clock.GetUtcNow());
        db.LiaisonBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        LogChecked(logger, batch.Id, rows.Count, batch.ValidCount, clock.GetElapsedTime(started).TotalMilliseconds);
        return batch;
    }

    /// <summary>Returns the batch when the user may see it: its owner, or any staff member.</summary>
    public Task<LiaisonBatch?> FindAsync(long id, LiaisonScope scope, CancellationToken cancellationToken = default) =>
        db.LiaisonBatches.AsNoTracking()
            .Where(batch => batch.Id == id && (scope.IsStaff || batch.UserId == scope.UserId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Returns the user's other batches with the same rows (same fingerprint), newest first.</summary>
    public async Task<IReadOnlyList<LiaisonBatch>> FindSameFileAsync(LiaisonBatch batch, CancellationToken cancellationToken = default)
    {
        if (batch.FileSha256 is null)
        {
            return [];
        }

        return await db.LiaisonBatches.AsNoTracking()
            .Where(other => other.UserId == batch.UserId && other.FileSha256 == batch.FileSha256 && other.Id != batch.Id)
            .OrderByDescending(other => other.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Submits the valid rows of a draft in one transaction. The batch is first claimed with a conditional update
    /// from draft to submitting, so a second submit (a double click, another tab) creates nothing and sees the
    /// first one's result.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(long id, LiaisonScope scope, CancellationToken cancellationToken = default)
    {
        var batch = await FindAsync(id, scope, cancellationToken);
        if (batch is null)
        {
            return new SubmitOutcome(SubmitStatus.Failed, "The batch was not found.");
        }

        var inputs = batch.Rows.Where(row => row.IsValid).ToList();
        if (batch.Status == BatchStatuses.Draft && inputs.Count == 0)
        {
            return new SubmitOutcome(SubmitStatus.NothingToSubmit, "No row is valid, so nothing was submitted. Fix the rows and upload the file again.");
        }

        // NOTE: a process that stops between this claim and the end of the submit leaves the batch in
        // 'submitting', which blocks further submits. Staff must then check its requests and fix the status by hand.
        var claimed = await db.LiaisonBatches
            .Where(b => b.Id == id && b.Status == BatchStatuses.Draft)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BatchStatuses.Submitting), cancellationToken);
        if (claimed == 0)
        {
            var current = await db.LiaisonBatches.AsNoTracking().Where(b => b.Id == id).Select(b => b.Status).SingleAsync(cancellationToken);
            return current == BatchStatuses.Submitted
                ? new SubmitOutcome(SubmitStatus.AlreadySubmitted, "This batch was already submitted; nothing was created again. These are the requests from the first submit.")
                : new SubmitOutcome(SubmitStatus.InProgress, "This batch is being submitted right now. Reload the page in a moment to see the result.");
        }

        return await SubmitClaimedAsync(batch, inputs, scope, cancellationToken);
    }

    private async Task<SubmitOutcome> SubmitClaimedAsync(LiaisonBatch batch, List<BatchRow> rows, LiaisonScope scope, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.JurisdictionId == batch.JurisdictionId)
            .Include(s => s.Attributes).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
        var inputs = rows.Select(row => BatchColumns.ToInput(row, batch.JurisdictionId, services.GetValueOrDefault(row.Value(BatchColumns.ServiceCode) ?? string.Empty))).ToList();
        var context = new SubmissionContext(RequestChannels.Liaison, scope.DisplayName) { UserId = scope.UserId, BatchId = batch.Id };

        IReadOnlyList<SubmissionResult> results;
        try
        {
            results = await submitter.SubmitAllAsync(inputs, context, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            LogSubmitFailed(logger, exception, batch.Id);
            await ReleaseAsync(batch.Id);
            return new SubmitOutcome(SubmitStatus.Failed, "Nothing was submitted: the database reported an error while storing the rows. Try again in a moment.");
        }

        var failures = results.Select((result, index) => (result, rows[index])).Where(pair => !pair.result.Succeeded).ToList();
        if (failures.Count > 0 || results.Any(result => result.Request is null))
        {
            await ReleaseAsync(batch.Id);
            var reasons = failures.Take(5).Select(pair => $"row {pair.Item2.Number}: {string.Join(" ", pair.result.Errors.Select(e => e.Message))}");
            return new SubmitOutcome(SubmitStatus.Rejected, $"Nothing was submitted because {failures.Count} row(s) are no longer valid ({string.Join("; ", reasons)}). Check the rows and upload again.");
        }

        var stored = results.Select((result, index) => new BatchResult(rows[index].Number, result.Request!.Id, result.Request.PublicId)).ToList();
        var tracked = await db.LiaisonBatches.SingleAsync(b => b.Id == batch.Id, cancellationToken);
        tracked.MarkSubmitted(stored, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        LogSubmitted(logger, batch.Id, stored.Count);
        return new SubmitOutcome(SubmitStatus.Submitted);
    }

    /// <summary>Returns a claimed batch to draft after a failed submit, so the liaison can try again.</summary>
    private async Task ReleaseAsync(long id)
    {
        db.ChangeTracker.Clear();
        await db.LiaisonBatches
            .Where(b => b.Id == id && b.Status == BatchStatuses.Submitting)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BatchStatuses.Draft), CancellationToken.None);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Checked batch {BatchId}: {RowCount} rows, {ValidCount} valid, in {ElapsedMs:F0} ms")]
    private static partial void LogChecked(ILogger logger, long batchId, int rowCount, int validCount, double elapsedMs);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Submitted batch {BatchId}: {RequestCount} requests created")]
    private static partial void LogSubmitted(ILogger logger, long batchId, int requestCount);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Submitting batch {BatchId} failed; nothing was stored and the batch is a draft again")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception, long batchId);
}
