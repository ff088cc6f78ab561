using System.Buffers;
using System.Text;
using System.Text.Json;
using SingleView.Standardise.Output;

namespace SingleView.Standardise.Tests.Output;

public class ZoneRowWriterTests
{
    [TestCase("plain text, 1 High St")]
    [TestCase("quote \" and backslash \\ inside")]
    [TestCase("line\nbreak\rreturn\ttab\u0001control\u001f")]
    [TestCase("Zoë O’Brien <b>&amp; 北京 😀")]
    [TestCase("")]
    public void String_AnyText_ReadsBackAsTheSameJsonString(string text)
    {
        var row = Row(writer => writer.String(text));

        JsonDocument.Parse(row).RootElement[0].GetString().ShouldBe(text);
    }

    [Test]
    public void String_LoneSurrogate_IsWrittenAsTheReplacementCharacter()
    {
        var row = Row(writer => writer.String("a\ud800b"));

        JsonDocument.Parse(row).RootElement[0].GetString().ShouldBe("a\ufffdb");
    }

    [Test]
    public void Values_MixedInNestedArrays_AreSeparatedByCommas()
    {
        var row = Row(writer =>
        {
            writer.Number(-12);
            writer.True();
            writer.Null();
            writer.Number(7);
            writer.StartArray();
            writer.Number(0);
            writer.String("x");
            writer.EndArray();
            writer.StartArray();
            writer.EndArray();
            writer.Number(long.MaxValue);
        });

        Encoding.UTF8.GetString(row).ShouldBe("[-12,true,null,7,[0,\"x\"],[],9223372036854775807]");
    }

    private static byte[] Row(Action<ZoneRowWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ZoneRowWriter(buffer);
        writer.StartArray();
        write(writer);
        writer.EndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
