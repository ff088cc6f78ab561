using System.Globalization;
using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>Ingest reads cells as characters: each span overload is held to its string overload.</summary>
public class SpanOverloadTests
{
    private static readonly string[] Cells =
    [
        "", " ", "  16/09/1976 ", "2024-02-29", "29/02/2023", "F", " female ", "MALE", "9", "not known", "x",
        "948 640 1101", "9486401101", "n/a", "+44 (0)161 496 0000", "+44 7700 900123", "07729 652110", "0044 7700 900123",
    ];

    [Test]
    public void DateOfBirthParser_Span_IsTheStringAnswer()
    {
        string[] formats = ["dd/MM/yyyy", "yyyy-MM-dd"];
        var extract = new DateOnly(2026, 11, 20);
        foreach (var cell in Cells)
        {
            DateOfBirthParser.ParseDateOfBirth(cell.AsSpan(), formats, extract).ShouldBe(DateOfBirthParser.ParseDateOfBirth(cell, formats, extract), cell);
        }
    }

    [Test]
    public void GenderCodes_Span_IsTheStringAnswer()
    {
        foreach (var cell in Cells) GenderCodes.Parse(cell.AsSpan()).ShouldBe(GenderCodes.Parse(cell), cell);
    }

    [Test]
    public void NhsNumber_Span_IsTheStringAnswer()
    {
        foreach (var cell in Cells) NhsNumber.Normalise(cell.AsSpan()).ShouldBe(NhsNumber.Normalise(cell), cell);
    }

    [Test]
    public void NormalisePhone_Span_IsTheStringAnswer()
    {
        foreach (var cell in Cells) ContactDetails.NormalisePhone(cell.AsSpan()).ShouldBe(ContactDetails.NormalisePhone(cell), cell);
    }

    // The two usual formats are read by fixed positions: held to DateTime over generated ten-character strings.
    [TestCase("dd/MM/yyyy")]
    [TestCase("yyyy-MM-dd")]
    public void Parse_FixedFormat_AgreesWithTryParseExact(string format)
    {
        var random = new Random(20261121);
        const string characters = "0123456789/-. a";
        for (var i = 0; i < 50_000; i++)
        {
            var text = i % 2 == 0
                ? new DateOnly(random.Next(1, 9999), random.Next(1, 13), 1).AddDays(random.Next(0, 31)).ToString(format, CultureInfo.InvariantCulture)
                : new string(Enumerable.Range(0, 10).Select(_ => characters[random.Next(characters.Length)]).ToArray());
            if (i % 7 == 0) text = text.Replace(text[random.Next(10)], characters[random.Next(characters.Length)]);
            DateOnly? expected = DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
                ? DateOnly.FromDateTime(parsed)
                : null;

            DateOfBirthParser.Parse(text, [format]).Value.ShouldBe(expected, text);
        }
    }
}
