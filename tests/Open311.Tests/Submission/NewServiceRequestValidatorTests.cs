using Open311.Domain.Services;
using Open311.Domain.Submission;

namespace Open311.Tests.Submission;

public sealed class NewServiceRequestValidatorTests
{
    private static readonly Service Street = SubmissionSeed.StreetService();

    private static NewServiceRequest Valid(Dictionary<string, IReadOnlyList<string>>? attributes = null) => new()
    {
        ServiceCode = SubmissionSeed.Street,
        Lat = SubmissionSeed.InsideLat,
        Long = SubmissionSeed.InsideLong,
        Attributes = attributes ?? new Dictionary<string, IReadOnlyList<string>> { ["SIDE"] = ["North"] },
    };

    private static IReadOnlyList<SubmissionError> Validate(NewServiceRequest input, Service? service = null) =>
        new NewServiceRequestValidator(service ?? Street).Validate(input).ToSubmissionErrors();

    private static SubmissionError SingleError(NewServiceRequest input, string field, Service? service = null)
    {
        var errors = Validate(input, service);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        return error;
    }

    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Code, string[] Values)[] answers) =>
        answers.ToDictionary(answer => answer.Code, answer => (IReadOnlyList<string>)answer.Values);

    [Fact]
    public void Validate_NoContactOrDescription_Passes()
    {
        Assert.Empty(Validate(Valid()));
    }

    [Fact]
    public void Validate_MissingServiceCode_NamesServiceCode()
    {
        var error = SingleError(Valid() with { ServiceCode = " " }, "service_code", Street);

        Assert.Contains("GET services", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("39,96")]
    [InlineData("39.96.1")]
    [InlineData("1,000.5")]
    [InlineData("north")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Validate_LatNotInvariantNumber_RejectsLat(string lat)
    {
        var error = SingleError(Valid() with { Lat = lat }, "lat");

        Assert.Contains("not a number", error.Message, StringComparison.Ordinal);
        Assert.Contains("dot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LongWithDecimalComma_RejectsLong()
    {
        SingleError(Valid() with { Long = "-75,16" }, "long");
    }

    [Theory]
    [InlineData("91", "10", "lat")]
    [InlineData("-90.0001", "10", "lat")]
    [InlineData("45", "180.5", "long")]
    [InlineData("45", "-181", "long")]
    public void Validate_CoordinateOutOfRange_RejectsIt(string lat, string longitude, string field)
    {
        var error = SingleError(Valid() with { Lat = lat, Long = longitude }, field);

        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90", "180")]
    [InlineData("-90", "-180")]
    [InlineData("1e1", "2.5E1")]
    [InlineData(" 39.95 ", "-75.16")]
    public void Validate_CoordinateAtLimits_Passes(string lat, string longitude)
    {
        Assert.Empty(Validate(Valid() with { Lat = lat, Long = longitude }));
    }

    [Fact]
    public void Validate_LatWithoutLong_RejectsLong()
    {
        var error = SingleError(Valid() with { Long = null }, "long");

        Assert.Contains("together", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LongWithoutLat_RejectsLat()
    {
        SingleError(Valid() with { Lat = "" }, "lat");
    }

    [Fact]
    public void Validate_LatOnlyWithAddress_RejectsLong()
    {
        SingleError(Valid() with { Long = null, AddressString = "1400 John F Kennedy Blvd" }, "long");
    }

    [Fact]
    public void Validate_NoLocation_AsksForLocation()
    {
        var error = SingleError(Valid() with { Lat = null, Long = null }, "lat");

        Assert.Contains("address_string", error.Message, StringComparison.Ordinal);
        Assert.Contains("address_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AddressStringOnly_Passes()
    {
        Assert.Empty(Validate(Valid() with { Lat = null, Long = null, AddressString = "1400 John F Kennedy Blvd" }));
    }

    [Fact]
    public void Validate_AddressIdOnly_Passes()
    {
        Assert.Empty(Validate(Valid() with { Lat = null, Long = null, AddressId = "883309050" }));
    }

    [Fact]
    public void Validate_Description4000Characters_Passes()
    {
        Assert.Empty(Validate(Valid() with { Description = new string('x', 4000) }));
    }

    [Fact]
    public void Validate_Description4001Characters_RejectsDescription()
    {
        var error = SingleError(Valid() with { Description = new string('x', 4001) }, "description");

        Assert.Contains("4001", error.Message, StringComparison.Ordinal);
        Assert.Contains("4000", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> TextFields =>
    [
        "jurisdiction_id", "address_string", "address_id", "zipcode", "email", "device_id", "account_id",
        "first_name", "last_name", "phone", "description", "media_url", "service_code",
    ];

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Validate_ControlCharacter_RejectsEveryTextField(string field)
    {
        foreach (var bad in new[] { "\0", "\u0001", "\u001B", "\uFFFF", "\uD800" })
        {
            var text = "before" + bad + "after";
            var input = field switch
            {
                "jurisdiction_id" => Valid() with { JurisdictionId = text },
                "address_string" => Valid() with { AddressString = text },
                "address_id" => Valid() with { AddressId = text },
                "zipcode" => Valid() with { Zipcode = text },
                "email" => Valid() with { Email = text },
                "device_id" => Valid() with { DeviceId = text },
                "account_id" => Valid() with { AccountId = text },
                "first_name" => Valid() with { FirstName = text },
                "last_name" => Valid() with { LastName = text },
                "phone" => Valid() with { Phone = text },
                "description" => Valid() with { Description = text },
                "media_url" => Valid() with { MediaUrl = text },
                "service_code" => Valid() with { ServiceCode = text },
                _ => throw new ArgumentOutOfRangeException(nameof(field)),
            };

            var error = SingleError(input, field);

            Assert.Contains("position 7", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ControlCharacterInCoordinate_RejectsLat()
    {
        SingleError(Valid() with { Lat = "39.95\0" }, "lat");
    }

    [Fact]
    public void Validate_TabAndNewlines_Pass()
    {
        Assert.Empty(Validate(Valid() with { Description = "line one\r\nline two\tindented\n", FirstName = "Ana" }));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("@example.org")]
    [InlineData("name@")]
    public void Validate_InvalidEmail_RejectsEmail(string email)
    {
        SingleError(Valid() with { Email = email }, "email");
    }

    [Fact]
    public void Validate_ValidEmail_Passes()
    {
        Assert.Empty(Validate(Valid() with { Email = "resident@example.org" }));
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("ftp://example.org/photo.jpg")]
    [InlineData("javascript:alert(1)")]
    public void Validate_MediaUrlNotHttp_RejectsMediaUrl(string url)
    {
        SingleError(Valid() with { MediaUrl = url }, "media_url");
    }

    [Fact]
    public void Validate_MissingRequiredAttributeAndLocation_ReportsBoth()
    {
        var errors = Validate(Valid(Answers()) with { Lat = null, Long = null });

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, error => error.Field == "lat" && error.Message.Contains("Missing location", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Field == "attribute[SIDE]" && error.Message.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingRequiredList_ListsKeys()
    {
        var error = SingleError(Valid(Answers()), "attribute[SIDE]");

        Assert.Contains("Which side of the street?", error.Message, StringComparison.Ordinal);
        Assert.Contains("'North', 'South'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownCode_RejectsIt()
    {
        var error = SingleError(Valid(Answers(("SIDE", ["North"]), ("NOPE", ["x"]))), "attribute[NOPE]");

        Assert.Contains("not an attribute of service 'STREET'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SIDE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TRSHHHITMS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnswerToInformationalAttribute_RejectsIt()
    {
        var error = SingleError(Valid(Answers(("SIDE", ["North"]), ("TRSHHHITMS", ["ok"]))), "attribute[TRSHHHITMS]");

        Assert.Contains("takes no answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownListKey_RejectsIt()
    {
        var error = SingleError(Valid(Answers(("SIDE", ["north"]))), "attribute[SIDE]");

        Assert.Contains("'north'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not one of its keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ListKeysWithBracketsAndAmpersand_Pass()
    {
        Assert.Empty(Validate(Valid(Answers(("SIDE", ["Mount Hope Cemetery [ Mattapan]"])))));
        Assert.Empty(Validate(Valid(Answers(("SIDE", ["Fish & Chips"])))));
    }

    [Fact]
    public void Validate_SecondSingleListValue_RejectsIt()
    {
        var error = SingleError(Valid(Answers(("SIDE", ["North", "Fish & Chips"]))), "attribute[SIDE]");

        Assert.Contains("takes one value but 2 were sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoValuesForString_RejectsIt()
    {
        SingleError(Valid(Answers(("SIDE", ["North"]), ("ST-OTHER", ["a", "b"]))), "attribute[ST-OTHER]");
    }

    [Fact]
    public void Validate_MultiValueList_AcceptsSeveralKeys()
    {
        Assert.Empty(Validate(Valid(Answers(("SIDE", ["North"]), ("ITEMS", ["c", "a"])))));
    }

    [Fact]
    public void Validate_UnknownMultiListKey_RejectsIt()
    {
        var error = SingleError(Valid(Answers(("SIDE", ["North"]), ("ITEMS", ["a", "z"]))), "attribute[ITEMS]");

        Assert.Contains("'z'", error.Message, StringComparison.Ordinal);
        Assert.Contains("attribute[ITEMS][]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepeatedMultiListKey_RejectsIt()
    {
        var error = SingleError(Valid(Answers(("SIDE", ["North"]), ("ITEMS", ["a", "a"]))), "attribute[ITEMS]");

        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.5", true)]
    [InlineData("-3", true)]
    [InlineData("1e3", true)]
    [InlineData("1,5", false)]
    [InlineData("12 cm", false)]
    [InlineData("NaN", false)]
    public void Validate_NumberAttribute_ParsesInvariantly(string value, bool valid)
    {
        var input = Valid(Answers(("SIDE", ["North"]), ("DEPTH", [value])));

        if (valid)
        {
            Assert.Empty(Validate(input));
        }
        else
        {
            var error = SingleError(input, "attribute[DEPTH]");
            Assert.Contains("must be a number", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2014-04-30T14:51:52-07:00", true)]
    [InlineData("2014-04-30T21:51:52Z", true)]
    [InlineData("2014-04-30T21:51:52.017Z", true)]
    [InlineData("2014-04-30T14:51-07:00", true)]
    [InlineData("2014-04-30T14:51:52 07:00", true)]
    [InlineData("2014-04-30T14:51:52", false)]
    [InlineData("2014-04-30", true)]
    [InlineData("2014-02-30", false)]
    [InlineData("2014-4-30", false)]
    [InlineData("30/04/2014 14:51", false)]
    [InlineData("2014-13-30T14:51:52Z", false)]
    public void Validate_DatetimeAttribute_RequiresZone(string value, bool valid)
    {
        var input = Valid(Answers(("SIDE", ["North"]), ("SEEN AT", [value])));

        if (valid)
        {
            Assert.Empty(Validate(input));
        }
        else
        {
            var error = SingleError(input, "attribute[SEEN AT]");
            Assert.Contains("with a zone", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_LongStringAttribute_RejectsIt()
    {
        Assert.Empty(Validate(Valid(Answers(("SIDE", ["North"]), ("ST-OTHER", [new string('s', SubmissionLimits.StringAttribute)])))));

        SingleError(Valid(Answers(("SIDE", ["North"]), ("ST-OTHER", [new string('s', SubmissionLimits.StringAttribute + 1)]))), "attribute[ST-OTHER]");
    }

    [Fact]
    public void Validate_LongTextAttribute_RejectsIt()
    {
        Assert.Empty(Validate(Valid(Answers(("SIDE", ["North"]), ("DETAILS", [new string('t', SubmissionLimits.TextAttribute)])))));

        SingleError(Valid(Answers(("SIDE", ["North"]), ("DETAILS", [new string('t', SubmissionLimits.TextAttribute + 1)]))), "attribute[DETAILS]");
    }

    [Fact]
    public void Validate_ControlCharacterInAttribute_RejectsIt()
    {
        SingleError(Valid(Answers(("SIDE", ["North"]), ("ST-OTHER", ["a\u0007b"]))), "attribute[ST-OTHER]");
    }

    [Fact]
    public void Validate_ConditionalRequiredWhenConditionMet_RejectsMissing()
    {
        SingleError(Valid(Answers(("SIDE", ["South"]))), "attribute[ST-COND]");
    }

    [Fact]
    public void Validate_ConditionalRequiredWhenConditionNotMet_Passes()
    {
        Assert.Empty(Validate(Valid(Answers(("SIDE", ["North"])))));
    }

    [Fact]
    public void Validate_WithoutService_SkipsAttributeRules()
    {
        var errors = new NewServiceRequestValidator(null).Validate(Valid(Answers(("ANY", ["x"])))).ToSubmissionErrors();

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsAllInOnePass()
    {
        var input = new NewServiceRequest
        {
            ServiceCode = SubmissionSeed.Street,
            Lat = "39,95",
            Long = "200",
            Email = "nope",
            Description = new string('d', 4001),
            Attributes = Answers(("SIDE", ["East"]), ("DEPTH", ["deep"])),
        };

        var fields = Validate(input).Select(error => error.Field).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["attribute[DEPTH]", "attribute[SIDE]", "description", "email", "lat", "long"], fields);
    }
}
