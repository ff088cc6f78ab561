using SingleView.Serve.Pages;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Tests.Pages;

public sealed class MarkupTests
{
    [Test]
    public void Html_TextHole_IsEncoded()
    {
        const string name = "<script>alert(\"x\")</script>";

        Html($"<p title=\"{name}\">{name}</p>").Value
            .ShouldBe("<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>");
    }

    [Test]
    public void Html_MarkupHole_IsKeptAsMarkup()
    {
        var inner = Html($"<b>{"Smith"}</b>");

        Html($"<p>{inner}</p>").Value.ShouldBe("<p><b>Smith</b></p>");
    }

    [Test]
    public void Html_AccentedName_StaysReadable()
    {
        Html($"{"Zoë Ó Súilleabháin"}").Value.ShouldBe("Zoë Ó Súilleabháin");
    }
}
