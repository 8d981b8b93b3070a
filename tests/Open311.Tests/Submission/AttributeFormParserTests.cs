using Open311.Domain.Submission;

namespace Open311.Tests.Submission;

public sealed class AttributeFormParserTests
{
    private static AttributeFormParseResult Parse(params (string Key, string? Value)[] fields) => AttributeFormParser.Parse(fields);

    [Fact]
    public void Parse_SingleValue_ReturnsOneElementList()
    {
        var result = Parse(("attribute[SIDE]", "North"));

        Assert.Empty(result.Errors);
        Assert.Equal(["North"], result.Attributes["SIDE"]);
    }

    [Fact]
    public void Parse_ListNotation_KeepsValueOrder()
    {
        var result = Parse(("attribute[ITEMS][]", "c"), ("attribute[ITEMS][]", "a"), ("attribute[ITEMS][]", "b"));

        Assert.Empty(result.Errors);
        Assert.Equal(["c", "a", "b"], result.Attributes["ITEMS"]);
    }

    [Fact]
    public void Parse_SeveralCodes_KeepsOrderOfFirstField()
    {
        var result = Parse(("attribute[Z]", "1"), ("attribute[A][]", "x"), ("attribute[M]", "2"), ("attribute[A][]", "y"));

        Assert.Equal(["Z", "A", "M"], result.Attributes.Keys);
        Assert.Equal(["x", "y"], result.Attributes["A"]);
    }

    [Theory]
    [InlineData("ST-OTHER")]
    [InlineData("SEEN AT")]
    [InlineData("SR-CEMTRYMAIN5")]
    [InlineData("a[b")]
    public void Parse_CodeWithPunctuation_KeepsCodeWhole(string code)
    {
        var result = Parse(($"attribute[{code}]", "value"));

        Assert.Empty(result.Errors);
        Assert.Equal([code], result.Attributes.Keys);
    }

    [Fact]
    public void Parse_BracketsInValue_KeepsValueWhole()
    {
        var result = Parse(("attribute[SIDE]", "Mount Hope Cemetery [ Mattapan]"), ("attribute[ITEMS][]", "Fish & Chips"));

        Assert.Equal(["Mount Hope Cemetery [ Mattapan]"], result.Attributes["SIDE"]);
        Assert.Equal(["Fish & Chips"], result.Attributes["ITEMS"]);
    }

    [Fact]
    public void Parse_MixedNotations_MergesIntoOneList()
    {
        var result = Parse(("attribute[X]", "first"), ("attribute[X][]", "second"));

        Assert.Empty(result.Errors);
        Assert.Equal(["first", "second"], result.Attributes["X"]);
    }

    [Fact]
    public void Parse_RepeatedSingleNotation_KeepsEveryValue()
    {
        var result = Parse(("attribute[SIDE]", "North"), ("attribute[SIDE]", "South"));

        Assert.Equal(["North", "South"], result.Attributes["SIDE"]);
    }

    [Fact]
    public void Parse_BlankValues_CountAsUnanswered()
    {
        var result = Parse(("attribute[EMPTY]", ""), ("attribute[SPACES]", "  "), ("attribute[ITEMS][]", ""), ("attribute[ITEMS][]", "a"), ("attribute[NULL]", null));

        Assert.Empty(result.Errors);
        Assert.Equal(["ITEMS"], result.Attributes.Keys);
        Assert.Equal(["a"], result.Attributes["ITEMS"]);
    }

    [Fact]
    public void Parse_OtherFields_AreIgnored()
    {
        var result = Parse(("service_code", "STREET"), ("lat", "39.95"), ("attributes", "x"), ("attributeX", "x"), ("my_attribute[X]", "y"));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Attributes);
    }

    [Theory]
    [InlineData("attribute")]
    [InlineData("attribute[")]
    [InlineData("attribute[]")]
    [InlineData("attribute[ ]")]
    [InlineData("attribute[X")]
    [InlineData("attribute[X]junk")]
    [InlineData("attribute[X][0]")]
    [InlineData("attribute[X][][]")]
    [InlineData("attribute[X] ")]
    public void Parse_MalformedKey_ReportsKey(string key)
    {
        var result = Parse((key, "value"), ("attribute[OK]", "fine"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(key, error.Field);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("attribute[CODE]=value", error.Message, StringComparison.Ordinal);
        Assert.Equal(["OK"], result.Attributes.Keys);
    }

    [Fact]
    public void Parse_RepeatedMalformedKey_ReportsOnce()
    {
        var result = Parse(("attribute[X", "1"), ("attribute[X", "2"));

        Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_KeyWithControlCharacter_ReportsPrintableKey()
    {
        var result = Parse(("attribute[X]\0", "1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("attribute[X]\uFFFD", error.Field);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Fact]
    public void Parse_KeyValuePairs_MatchesTuples()
    {
        var pairs = new[] { KeyValuePair.Create("attribute[A][]", (string?)"1"), KeyValuePair.Create("attribute[A][]", (string?)"2") };

        var result = AttributeFormParser.Parse(pairs);

        Assert.Equal(["1", "2"], result.Attributes["A"]);
    }
}
