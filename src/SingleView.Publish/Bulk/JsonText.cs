using System.Buffers;
using System.Text;
using System.Text.Json;
using SingleView.Core.Model;

namespace SingleView.Publish.Bulk;

/// <summary>The JSON columns, written with one reused buffer instead of a serialiser call and dictionaries per row.</summary>
internal sealed class JsonText : IDisposable
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter writer;

    [ThreadStatic]
    private static JsonText? forThisThread;

    public JsonText() => writer = new Utf8JsonWriter(buffer);

    /// <summary>One writer per thread, for rows prepared in parallel; never disposed, it holds only memory.</summary>
    public static JsonText ForThisThread => forThisThread ??= new JsonText();

    public void Dispose() => writer.Dispose();

    /// <summary>[{"value","feed","record_id","source_system","extract_date"}...], as field_lineage.other_values is documented.</summary>
    public string OtherValues(IReadOnlyList<SourcedValue> values)
    {
        if (values.Count == 0) return "[]";
        Reset();
        writer.WriteStartArray();
        foreach (var v in values)
        {
            writer.WriteStartObject();
            writer.WriteString("value", v.Value);
            writer.WriteString("feed", v.Source.Feed);
            writer.WriteString("record_id", v.Source.RecordId);
            writer.WriteString("source_system", v.SourceSystem);
            writer.WriteString("extract_date", ServingPublisher.Iso(v.ExtractDate));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        return Text();
    }

    public string Details(IReadOnlyDictionary<string, string> details)
    {
        if (details.Count == 0) return "{}";
        Reset();
        writer.WriteStartObject();
        foreach (var (key, value) in details) writer.WriteString(key, value);
        writer.WriteEndObject();
        return Text();
    }

    /// <summary>[{"name","value"}...], as source_record.identifiers is documented (sql/0012).</summary>
    public string Identifiers(IReadOnlyList<NamedIdentifier> identifiers)
    {
        if (identifiers.Count == 0) return "[]";
        Reset();
        writer.WriteStartArray();
        foreach (var (name, value) in identifiers)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        return Text();
    }

    public string Strings(IEnumerable<string> values)
    {
        Reset();
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
        return Text();
    }

    private void Reset()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
    }

    private string Text()
    {
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
