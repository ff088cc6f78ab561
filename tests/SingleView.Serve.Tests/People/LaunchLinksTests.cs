using SingleView.Serve.People;

namespace SingleView.Serve.Tests.People;

public sealed class LaunchLinksTests
{
    [Test]
    public void For_Template_PutsEscapedRecordId()
    {
        LaunchLinks.For("https://lcs.example/person/{record_id}", "A/1 2").ShouldBe("https://lcs.example/person/A%2F1%202");
    }

    [Test]
    public void For_ScriptScheme_GivesNoLink()
    {
        LaunchLinks.For("javascript:alert('{record_id}')", "1").ShouldBeNull();
    }

    [Test]
    public void For_NoTemplate_GivesNoLink()
    {
        LaunchLinks.For(null, "1").ShouldBeNull();
    }
}
