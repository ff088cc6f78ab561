namespace SingleView.Samples.Tests;

public class SampleAuthorityOptionsTests
{
    [Test]
    public void Validate_Defaults_DoesNotThrow() => Should.NotThrow(() => new SampleAuthorityOptions().Validate());

    [TestCase(0)]
    [TestCase(-5)]
    public void Validate_FewerThanOneChild_ThrowsNamingChildren(int children)
    {
        var exception = Should.Throw<ArgumentException>(() => new SampleAuthorityOptions { Children = children }.Validate());
        exception.ParamName.ShouldBe(nameof(SampleAuthorityOptions.Children));
    }

    [Test]
    public void Validate_MoreThanMaximumChildren_Throws() =>
        Should.Throw<ArgumentException>(() => new SampleAuthorityOptions { Children = SampleAuthorityOptions.MaximumChildren + 1 }.Validate());

    [TestCase("")]
    [TestCase("   ")]
    public void Validate_BlankOutputDirectory_ThrowsNamingOutputDirectory(string directory)
    {
        var exception = Should.Throw<ArgumentException>(() => new SampleAuthorityOptions { OutputDirectory = directory }.Validate());
        exception.ParamName.ShouldBe(nameof(SampleAuthorityOptions.OutputDirectory));
    }

    [Test]
    public void Validate_ExtractDateBefore1990_Throws() =>
        Should.Throw<ArgumentException>(() => new SampleAuthorityOptions { ExtractDate = new DateOnly(1900, 1, 1) }.Validate());

    [Test]
    public void Generate_InvalidOptions_ThrowsBeforeWritingAnything()
    {
        var directory = Path.Combine(Path.GetTempPath(), "singleview-samples-invalid-" + Guid.NewGuid().ToString("N"));
        Should.Throw<ArgumentException>(() => SampleAuthorityGenerator.Generate(new SampleAuthorityOptions { Children = 0, OutputDirectory = directory }));
        Directory.Exists(directory).ShouldBeFalse();
    }
}
