using System.Buffers;
using System.Text;
using System.Text.Json;
using SingleView.Match.Scoring;

namespace SingleView.Refresh;

/// <summary>The waterfall of a pair as the view reads it from match_pair.explanation.</summary>
/// <remarks>
/// Written with one reused writer per thread, not the serialiser over dictionaries: the same bytes (same
/// property order, number format and default escaping), without a dictionary and a list per pair.
/// </remarks>
public static class ExplanationJson
{
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? forThisThread;

    public static string Serialise(ScoredPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var (buffer, writer) = forThisThread ??= NewWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        var explanation = pair.Explanation;
        writer.WriteStartObject();
        writer.WriteNumber("prior", Math.Round(explanation.Prior, 3));
        writer.WriteStartArray("comparisons");
        foreach (var c in explanation.Comparisons)
        {
            writer.WriteStartObject();
            writer.WriteString("comparison", c.Comparison);
            writer.WriteString("level", c.Level);
            writer.WriteNumber("weight", Math.Round(c.Weight, 3));
            writer.WriteString("left", c.LeftValue);
            writer.WriteString("right", c.RightValue);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("match_weight", Math.Round(explanation.MatchWeight, 3));
        writer.WriteNumber("match_probability", explanation.MatchProbability);
        if (explanation.SafeguardsApplied is null)
        {
            writer.WriteNull("safeguards");
        }
        else
        {
            writer.WriteStartArray("safeguards");
            foreach (var safeguard in explanation.SafeguardsApplied) writer.WriteStringValue(safeguard);
            writer.WriteEndArray();
        }

        writer.WriteString("blocking_rule", pair.BlockingRule);
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        return (buffer, new Utf8JsonWriter(buffer));
    }
}
