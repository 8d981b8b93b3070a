using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;
using Open311.Domain.Services;

namespace Open311.Domain.Submission;

/// <summary>
/// The rules every new request follows, whichever way it arrives. Each failure names the wire field
/// (<c>lat</c>, <c>attribute[CODE]</c>) and states what to send instead, and all failures are reported in one pass.
/// Checks that need the database, such as whether the point lies inside the jurisdiction, are made by
/// the submitter in PostGIS.
/// </summary>
public sealed class NewServiceRequestValidator : AbstractValidator<NewServiceRequest>
{
    /// <param name="service">The requested service with its attributes, or null when it is not known yet. Null skips the attribute rules.</param>
    public NewServiceRequestValidator(Service? service)
    {
        RuleFor(input => input.ServiceCode)
            .Must(code => !string.IsNullOrWhiteSpace(code))
            .OverridePropertyName("service_code")
            .WithMessage("Missing service_code. Send the code of one of the services listed by GET services.");

        CheckText(input => input.ServiceCode, "service_code", SubmissionLimits.Identifier);
        CheckText(input => input.JurisdictionId, "jurisdiction_id", SubmissionLimits.Identifier);
        CheckText(input => input.AddressString, "address_string", SubmissionLimits.AddressString);
        CheckText(input => input.AddressId, "address_id", SubmissionLimits.Identifier);
        CheckText(input => input.Zipcode, "zipcode", SubmissionLimits.Identifier);
        CheckText(input => input.Email, "email", SubmissionLimits.Email);
        CheckText(input => input.DeviceId, "device_id", SubmissionLimits.Identifier);
        CheckText(input => input.AccountId, "account_id", SubmissionLimits.Identifier);
        CheckText(input => input.FirstName, "first_name", SubmissionLimits.Name);
        CheckText(input => input.LastName, "last_name", SubmissionLimits.Name);
        CheckText(input => input.Phone, "phone", SubmissionLimits.Phone);
        CheckText(input => input.Description, "description", SubmissionLimits.Description);
        CheckText(input => input.MediaUrl, "media_url", SubmissionLimits.MediaUrl);

        RuleFor(input => input).Custom((input, context) =>
        {
            foreach (var (field, message) in LocationRules.Check(input))
            {
                context.AddFailure(field, message);
            }
        });

        RuleFor(input => input.Email)
            .EmailAddress()
            .When(input => !string.IsNullOrWhiteSpace(input.Email) && XmlCharacters.IsValid(input.Email))
            .OverridePropertyName("email")
            .WithMessage("email is not a valid email address. Send an address such as name@example.org, or leave email out.");

        RuleFor(input => input.MediaUrl)
            .Must(BeAbsoluteHttpUrl)
            .When(input => !string.IsNullOrWhiteSpace(input.MediaUrl) && XmlCharacters.IsValid(input.MediaUrl))
            .OverridePropertyName("media_url")
            .WithMessage("media_url must be an absolute http or https URL, such as https://example.org/photo.jpg.");

        if (service is not null)
        {
            RuleFor(input => input.Attributes).Custom((answers, context) =>
            {
                foreach (var (field, message) in AttributeRules.Check(service, answers))
                {
                    context.AddFailure(field, message);
                }
            });
        }
    }

    private void CheckText(Expression<Func<NewServiceRequest, string?>> property, string field, int maxLength)
    {
        var readText = property.Compile();

        RuleFor(property)
            .Must(XmlCharacters.IsValid)
            .OverridePropertyName(field)
            .WithMessage(input => InvalidCharacterMessage(field, readText(input)!));

        RuleFor(property)
            .Must(text => text is null || text.Length <= maxLength)
            .OverridePropertyName(field)
            .WithMessage(input => $"{field} is {readText(input)!.Length} characters long, but the maximum is {maxLength}. Shorten it.");
    }

    internal static string InvalidCharacterMessage(string field, string text)
    {
        var index = XmlCharacters.IndexOfInvalidCharacter(text);
        return $"{field} contains a control character (U+{(int)text[index]:X4} at position {index + 1}) that cannot be stored. Remove it and send the text again.";
    }

    private static bool BeAbsoluteHttpUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

public static class ValidationResultExtensions
{
    /// <summary>Converts FluentValidation failures to submission errors, keeping their order and field names.</summary>
    public static IReadOnlyList<SubmissionError> ToSubmissionErrors(this ValidationResult result) =>
        result.Errors.Select(failure => new SubmissionError(failure.PropertyName, failure.ErrorMessage)).ToList();
}
