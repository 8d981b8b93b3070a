using Microsoft.AspNetCore.WebUtilities;
using Open311.Domain.Submission;
using Open311.Web.Requests;

namespace Open311.Tests.Submission;

public sealed class FormFieldsTests
{
    [Fact]
    public async Task ToPairs_UrlEncodedBody_FeedsAttributeParser()
    {
        const string Body = "service_code=STREET&attribute%5BITEMS%5D%5B%5D=c&attribute[SIDE]=Fish+%26+Chips"
            + "&attribute[ITEMS][]=a&attribute[SR-CEMTRYMAIN5]=Mount+Hope+Cemetery+%5B+Mattapan%5D&attribute[X=1";
        using var reader = new FormReader(Body);
        var form = await reader.ReadFormAsync();

        var result = AttributeFormParser.Parse(form.ToPairs());

        Assert.Equal(["ITEMS", "SIDE", "SR-CEMTRYMAIN5"], result.Attributes.Keys);
        Assert.Equal(["c", "a"], result.Attributes["ITEMS"]);
        Assert.Equal(["Fish & Chips"], result.Attributes["SIDE"]);
        Assert.Equal(["Mount Hope Cemetery [ Mattapan]"], result.Attributes["SR-CEMTRYMAIN5"]);
        Assert.Equal("attribute[X", Assert.Single(result.Errors).Field);
    }
}
