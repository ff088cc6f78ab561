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
