using FluentValidation;

namespace Open311.Web.Portal.Accounts;

/// <summary>What a staff member enters to invite a liaison.</summary>
/// <param name="Email">The liaison's email address, which becomes the account name.</param>
/// <param name="DisplayName">The name shown to staff and on the liaison's pages.</param>
/// <param name="NeighborhoodIds">The chosen neighbourhoods, checked against <paramref name="OfferedNeighborhoodIds"/>.</param>
/// <param name="OfferedNeighborhoodIds">The neighbourhoods of the staff member's jurisdiction.</param>
public sealed record InviteLiaisonInput(string? Email, string? DisplayName, IReadOnlyList<int> NeighborhoodIds, IReadOnlyCollection<int> OfferedNeighborhoodIds);

/// <summary>Rules for <see cref="InviteLiaisonInput"/>; each message names the field and the value to enter.</summary>
public sealed class InviteLiaisonInputValidator : AbstractValidator<InviteLiaisonInput>
{
    public const int MaxDisplayNameLength = 200;

    public InviteLiaisonInputValidator()
    {
        RuleFor(input => input.Email)
            .NotEmpty().WithMessage("Email is missing. Enter the liaison's email address, such as name@example.org.")
            .EmailAddress().WithMessage("Email is invalid. Enter the liaison's email address, such as name@example.org.")
            .MaximumLength(256).WithMessage("Email is longer than 256 characters. Enter a shorter address.");

        RuleFor(input => input.DisplayName)
            .NotEmpty().WithMessage("Name is missing. Enter the name the liaison goes by.")
            .MaximumLength(MaxDisplayNameLength).WithMessage($"Name is longer than {MaxDisplayNameLength} characters. Enter a shorter name.")
            .Must(name => name is null || !name.Any(char.IsControl))
            .WithMessage("Name contains a control character. Remove it and try again.");

        RuleForEach(input => input.NeighborhoodIds)
            .Must((input, id) => input.OfferedNeighborhoodIds.Contains(id))
            .WithMessage("A chosen neighbourhood does not exist. Reload the page and choose again.");
    }
}
