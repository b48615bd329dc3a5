namespace Insights.Api.Tests.Export;

using Insights.Api.Export;

public sealed class CsvWriterTests
{
    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_verbatim()
    {
        string[] texts = ["plain", "a, b", "she said \"hi\"", "two\r\nlines", "lone\nfeed", "", "émoji 😍"];
        var csv = new CsvWriter();
        foreach (var t in texts)
        {
            csv.Text(t);
        }

        var output = csv.EndLine().Output.ToString();

        Assert.Equal("plain,\"a, b\",\"she said \"\"hi\"\"\",\"two\r\nlines\",\"lone\nfeed\",,émoji 😍\r\n", output);
        Assert.Equal(texts, Rfc4180.Parse(output).Single());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("fine = ok", "fine = ok")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_quote(string text, string expected)
    {
        var output = new CsvWriter().Text(text).EndLine().Output.ToString();
        Assert.Equal(expected, Rfc4180.Parse(output).Single().Single());
    }

    [Fact]
    public void Numbers_and_times_are_invariant_and_never_guarded()
    {
        var output = new CsvWriter().Number(-0.25).Number(-3L).Time(new DateTimeOffset(2026, 11, 24, 12, 0, 5, TimeSpan.FromHours(2))).EndLine().Output.ToString();
        Assert.Equal("-0.25,-3,2026-11-24T10:00:05Z\r\n", output);
    }
}
