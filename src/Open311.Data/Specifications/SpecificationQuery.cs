using Ardalis.Specification;

namespace Open311.Data.Specifications;

/// <summary>
/// Applies a specification's criteria, ordering and paging to an EF Core query, in that order, with the
/// evaluators of the core Ardalis.Specification package. Includes and projections are not part of the
/// specifications here; callers project with <c>Select</c> after this step.
/// </summary>
public static class SpecificationQuery
{
    private static readonly IEvaluator[] Evaluators =
    [
        WhereEvaluator.Instance,
        OrderEvaluator.Instance,
        PaginationEvaluator.Instance,
    ];

    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        var query = source;
        foreach (var evaluator in Evaluators)
        {
            query = evaluator.GetQuery(query, specification);
        }

        return query;
    }
}
