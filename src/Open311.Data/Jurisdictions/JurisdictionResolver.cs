using Microsoft.EntityFrameworkCore;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Submission;

namespace Open311.Data.Jurisdictions;

/// <summary>
/// Turns a <c>jurisdiction_id</c> argument into a jurisdiction. An empty value counts as absent. Absent means
/// the default jurisdiction, or the only one when none is marked default. An unknown id is not found.
/// </summary>
public sealed class JurisdictionResolver(Open311DbContext db)
{
    public async Task<(Jurisdiction? Jurisdiction, SubmissionError? Error)> ResolveAsync(string? jurisdictionId, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(jurisdictionId))
        {
            var id = jurisdictionId.Trim();
            var named = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
            return named is null
                ? (null, new SubmissionError("jurisdiction_id", $"Unknown jurisdiction_id '{id}'. Omit it to use the default jurisdiction.", SubmissionErrorKind.NotFound))
                : (named, null);
        }

        var candidates = await db.Jurisdictions.AsNoTracking()
            .OrderByDescending(j => j.IsDefault).ThenBy(j => j.Id)
            .Take(2)
            .ToListAsync(cancellationToken);

        if (candidates.Count == 1 || (candidates.Count > 1 && candidates[0].IsDefault))
        {
            return (candidates[0], null);
        }

        return candidates.Count == 0
            ? (null, new SubmissionError("jurisdiction_id", "No jurisdiction is configured on this server yet. Import one with the 'import' command.", SubmissionErrorKind.NotFound))
            : (null, new SubmissionError("jurisdiction_id", "Missing jurisdiction_id: this server hosts several jurisdictions and none is the default. Send jurisdiction_id."));
    }
}
