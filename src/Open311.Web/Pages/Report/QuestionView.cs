using Open311.Domain.Services;
using Open311.Web.Site.Reporting;

namespace Open311.Web.Pages.Report;

/// <summary>What the question partial needs: the question, its siblings (to word conditions), what was typed and its error.</summary>
public sealed record QuestionView(ServiceAttribute Question, IReadOnlyList<ServiceAttribute> All, ReportForm Form, string? Error)
{
    public string Field => ReportForm.AttributeField(Question.Code);

    public string Id => ReportForm.FieldId(Field);

    public string ErrorId => "err-" + Id;

    public string HintId => "hint-" + Id;

    public string Label => string.IsNullOrWhiteSpace(Question.Description) ? Question.Code : Question.Description;

    public QuestionCondition? Condition { get; } = QuestionCondition.Parse(Question.DependenciesJson);

    /// <summary>Returns the ids for <c>aria-describedby</c>: the hint, the condition note and the error that exist.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (!string.IsNullOrWhiteSpace(Question.DatatypeDescription))
            {
                ids.Add(HintId);
            }

            if (Condition is not null)
            {
                ids.Add("cond-" + Id);
            }

            if (Error is not null)
            {
                ids.Add(ErrorId);
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    public bool UsesRadios => Question.Values.Count <= 6;
}
