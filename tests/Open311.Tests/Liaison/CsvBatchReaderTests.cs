using System.Text;
using Open311.Web.Portal.Bulk;

namespace Open311.Tests.Liaison;

public sealed class CsvBatchReaderTests
{
    [Fact]
    public void Read_CarriageReturnLineEndings_SplitsRows()
    {
        var bytes = Encoding.UTF8.GetBytes("service_code,lat,long\rSWEEP,37.75,-122.41\rSWEEP,37.76,-122.42\r");

        var result = CsvBatchReader.Read(bytes);

        Assert.Null(result.FileError);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("-122.42", result.Rows[1].Values["long"]);
    }

    [Fact]
    public void Read_Windows1252Text_IsRejectedWithFix()
    {
        var bytes = Encoding.Latin1.GetBytes("service_code,description\r\nSWEEP,caf\u00e9\r\n");

        var result = CsvBatchReader.Read(bytes);

        Assert.Empty(result.Rows);
        Assert.Contains("not valid UTF-8", result.FileError, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", result.FileError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service_code,lat\r\n", "header but no rows")]
    [InlineData("\uFEFF", "no header line")]
    [InlineData("lat,long\r\n37.7,-122.4\r\n", "no 'service_code' column")]
    [InlineData("service_code,lat,LAT\r\nSWEEP,1,2\r\n", "'lat' appears more than once")]
    public void Read_BadHeader_IsRejectedNamingProblem(string text, string expected)
    {
        var result = CsvBatchReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Empty(result.Rows);
        Assert.Contains(expected, result.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraValues_IsRowError()
    {
        var bytes = Encoding.UTF8.GetBytes("service_code,lat,long\r\nSWEEP,37.75,-122.41,oops\r\nSWEEP,37.76\r\n");

        var result = CsvBatchReader.Read(bytes);

        Assert.Equal("row", Assert.Single(result.Rows[0].Errors).Column);
        Assert.Empty(result.Rows[1].Errors);
        Assert.Equal(string.Empty, result.Rows[1].Values["long"]);
    }

    [Fact]
    public void Read_AttributeHeader_KeepsCodeCase()
    {
        var bytes = Encoding.UTF8.GetBytes(" Service_Code ; Attribute[Colors] \r\nSWEEP;red|blue\r\n");

        var row = Assert.Single(CsvBatchReader.Read(bytes).Rows);

        Assert.Equal("SWEEP", row.Values["service_code"]);
        Assert.Equal("red|blue", row.Values["attribute[Colors]"]);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-122.4194", "-122.4194")]
    [InlineData("+5", "+5")]
    [InlineData("plain", "plain")]
    public void Neutralize_FormulaCells_GetApostrophe(string value, string expected)
    {
        Assert.Equal(expected, SafeCsv.Neutralize(value));
    }
}
