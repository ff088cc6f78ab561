namespace SingleView.Standardise.Tests;

public class FeedProcessorOptionsTests
{
    [Test]
    public void Validate_DuplicateScreenRunLengthBelowTwo_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new FeedProcessorOptions { DuplicateScreenRunLength = 1 }.Validate());
    }

    [Test]
    public void Default_DuplicateScreenRunLength_IsAMillionHashes()
    {
        FeedProcessorOptions.Default.DuplicateScreenRunLength.ShouldBe(1 << 20);
    }
}
