using SingleView.Serve.Search;

namespace SingleView.Serve.Tests.Search;

public sealed class DateInputTests
{
    [TestCase("27/03/2014")]
    [TestCase("2014-03-27")]
    [TestCase("27-03-2014")]
    [TestCase(" 27/3/2014 ")]
    public void TryParse_AcceptedForms_GiveTheDate(string text)
    {
        DateInput.TryParse(text, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2014, 3, 27));
    }

    [TestCase("03/27/2014")]
    [TestCase("27 March 2014")]
    [TestCase("")]
    public void TryParse_OtherForms_AreRefused(string text)
    {
        DateInput.TryParse(text, out _).ShouldBeFalse();
    }

    [TestCase("2014-03-27")]
    [TestCase("2024-02-29")]
    [TestCase("2023-02-29")]
    [TestCase("2014-04-31")]
    [TestCase("0001-01-01")]
    [TestCase("0000-01-01")]
    [TestCase("9999-12-31")]
    [TestCase("2014-13-01")]
    [TestCase("2014-00-10")]
    [TestCase("2014-01-00")]
    [TestCase("2014-1-05")]
    [TestCase(" 2014-01-05")]
    [TestCase("2014-01-05 ")]
    [TestCase("2014/01/05")]
    [TestCase("2014-01-05T08:00:00Z")]
    [TestCase("２０１４-01-05")]
    [TestCase("20a4-01-05")]
    [TestCase("")]
    [TestCase(null)]
    public void FromIso_AnyText_SameAnswerAsTheFormatParser(string? text)
    {
        DateOnly? expected = text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed
            : null;

        DateInput.FromIso(text).ShouldBe(expected);
    }

    [Test]
    public void Swapped_DayTwelveOrLess_SwapsDayAndMonth()
    {
        DateInput.Swapped(new DateOnly(2013, 2, 5)).ShouldBe(new DateOnly(2013, 5, 2));
    }

    [Test]
    public void Swapped_DayAboveTwelve_IsNull()
    {
        DateInput.Swapped(new DateOnly(2014, 3, 27)).ShouldBeNull();
    }
}
