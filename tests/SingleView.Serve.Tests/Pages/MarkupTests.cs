using System.Buffers;
using System.Text;
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

    [Test]
    public void Html_FragmentsBuiltInsideAnother_EachKeepsOnlyItsOwnText()
    {
        // Builders are reused: an inner fragment is built while the outer one is still open.
        IEnumerable<string> letters = ["a", "b", "c"];
        var page = Html($"<ul>{Join(letters.Select(letter => Html($"<li>{Html($"<b>{letter}</b>")}</li>")))}</ul>");

        page.Value.ShouldBe("<ul><li><b>a</b></li><li><b>b</b></li><li><b>c</b></li></ul>");
        Html($"<p>{"after"}</p>").Value.ShouldBe("<p>after</p>");
    }

    [Test]
    public void Join_FragmentsLargerThanOneReusedBuilder_KeepsEveryCharacter()
    {
        var parts = Enumerable.Range(0, 2000).Select(i => Html($"<p>{new string('x', 50)}{i}</p>")).ToList();
        var expected = string.Concat(Enumerable.Range(0, 2000).Select(i => $"<p>{new string('x', 50)}{i}</p>"));

        Join(parts).Value.ShouldBe(expected);
    }

    [Test]
    public void Html_FragmentWrittenIntoTwoOthers_Throws()
    {
        // A fragment's builder goes back for reuse once its text is written: a second write must fail, not come out empty.
        var inner = Html($"<b>{"Smith"}</b>");
        Html($"<p>{inner}</p>").Value.ShouldBe("<p><b>Smith</b></p>");

        Should.Throw<InvalidOperationException>(() => Html($"<p>{inner}</p>"));
    }

    [Test]
    public void Html_FragmentReadBeforeWriting_CanBeWrittenAgain()
    {
        var inner = Html($"<b>{"Smith"}</b>");
        inner.Value.ShouldBe("<b>Smith</b>");

        Html($"<p>{inner}{inner}</p>").Value.ShouldBe("<p><b>Smith</b><b>Smith</b></p>");
    }

    [Test]
    public void RentUtf8_PageOfManyChunks_GivesTheBytesOfItsString()
    {
        // Many chunks, accents and a surrogate pair (an emoji, in the template: a hole would encode it) that some
        // chunk boundary may split.
        var parts = Enumerable.Range(0, 3000).Select(i => Html($"<p>Zoë 😀 Ó{i}</p>")).ToList();
        var expected = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p>Zoë 😀 Ó{i}</p>")));

        var bytes = Join(parts).RentUtf8(out var length);

        bytes.AsSpan(0, length).SequenceEqual(expected).ShouldBeTrue();
        ArrayPool<byte>.Shared.Return(bytes);
    }

    [Test]
    public void RentUtf8_FragmentAlreadyWritten_Throws()
    {
        var inner = Html($"<b>{"Smith"}</b>");
        Html($"<p>{inner}</p>").Value.ShouldBe("<p><b>Smith</b></p>");

        Should.Throw<InvalidOperationException>(() => inner.RentUtf8(out _));
    }
    [Test]
    public void Join_WrittenIntoTwoOthers_Throws()
    {
        // A join keeps its parts until written; its parts' builders then go back for reuse, so a second write must fail.
        IEnumerable<string> letters = ["a", "b"];
        var rows = Join(letters.Select(letter => Html($"<li>{letter}</li>")));
        Html($"<ul>{rows}</ul>").Value.ShouldBe("<ul><li>a</li><li>b</li></ul>");

        Should.Throw<InvalidOperationException>(() => Html($"<ol>{rows}</ol>"));
    }

    [Test]
    public void Join_OfJoinsAndText_WrittenInOrder()
    {
        var inner = Join([Html($"<i>{"x"}</i>"), Trusted("<br>"), Empty]);
        var outer = Join([Html($"{"a&b"}"), inner, Join([]), Html($"<b>{"c"}</b>")]);

        Html($"<p>{outer}</p>").Value.ShouldBe("<p>a&amp;b<i>x</i><br><b>c</b></p>");
    }
}
