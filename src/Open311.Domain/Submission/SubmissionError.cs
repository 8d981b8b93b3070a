namespace Open311.Domain.Submission;

/// <summary>Why a submission failed; maps to the GeoReport HTTP status (400, 403, 404).</summary>
public enum SubmissionErrorKind
{
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>
/// One problem with a submission. <see cref="Field"/> is the wire name of the input at fault
/// (<c>lat</c>, <c>service_code</c>, <c>attribute[CODE]</c>) so forms can show it beside that field.
/// </summary>
public sealed record SubmissionError(string Field, string Message, SubmissionErrorKind Kind = SubmissionErrorKind.Invalid);
