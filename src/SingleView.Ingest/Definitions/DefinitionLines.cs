using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using SingleView.Core.Configuration;

namespace SingleView.Ingest.Definitions;

/// <summary>
/// The line of every key and list item of a feed definition, by path (<c>columns.address</c>,
/// <c>columns.address[1]</c>), so that a refusal can say where the mistake is. Read from the parser's
/// events because the typed reading has no positions, and because it lets a key given twice be refused:
/// the typed reading keeps the last value silently, so a field mapped twice would lose its first mapping.
/// </summary>
internal sealed class DefinitionLines
{
    private readonly Dictionary<string, long> lines = new(StringComparer.Ordinal);

    private DefinitionLines()
    {
    }

    /// <summary>Reads the lines of well-formed YAML (the typed reading has already refused malformed text).</summary>
    /// <exception cref="ConfigurationException">A key is given twice in one mapping.</exception>
    public static DefinitionLines Read(string file, string yaml)
    {
        var result = new DefinitionLines();
        var parser = new Parser(new StringReader(yaml));
        while (parser.MoveNext())
        {
            if (parser.Current is MappingStart or SequenceStart or Scalar) result.Node(parser, string.Empty, file);
        }

        return result;
    }

    /// <summary>The 1-based line of the key or list item at <paramref name="path"/>, or null if the text has none.</summary>
    public long? LineOf(string path) => lines.TryGetValue(path, out var line) ? line : null;

    /// <summary>"line N: " for a path the text has, else nothing: the start of a refusal's problem.</summary>
    public string At(string path) => LineOf(path) is { } line ? $"line {line}: " : string.Empty;

    // The parser is on the node's first event; on return it is on the node's last.
    private void Node(IParser parser, string path, string file)
    {
        switch (parser.Current)
        {
            case MappingStart:
                var keys = new Dictionary<string, long>(StringComparer.Ordinal);
                while (Next(parser) is not MappingEnd)
                {
                    var keyEvent = parser.Current!;
                    if (keyEvent is not Scalar { Value: var key })
                    {
                        Skip(parser);
                        Next(parser);
                        Skip(parser);
                        continue;
                    }

                    var line = keyEvent.Start.Line;
                    Next(parser);
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (keys.TryGetValue(key, out var first))
                    {
                        throw new ConfigurationException(file, child, $"line {line}: is given twice (first on line {first}); each key may appear once");
                    }

                    keys[key] = line;
                    lines[child] = line;
                    Node(parser, child, file);
                }

                break;
            case SequenceStart:
                var index = 0;
                while (Next(parser) is not SequenceEnd)
                {
                    var item = $"{path}[{index++}]";
                    lines[item] = parser.Current!.Start.Line;
                    Node(parser, item, file);
                }

                break;
        }
    }

    // Past a node the walk has no use for (a complex key), nested or not.
    private static void Skip(IParser parser)
    {
        var depth = 0;
        do
        {
            if (parser.Current is MappingStart or SequenceStart) depth++;
            else if (parser.Current is MappingEnd or SequenceEnd) depth--;
            if (depth == 0) return;
        }
        while (Next(parser) is not null);
    }

    private static ParsingEvent? Next(IParser parser) => parser.MoveNext() ? parser.Current : null;
}
