using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SingleView.Core.Configuration;

/// <summary>
/// Reads YAML text (snake_case keys) into a settings class. Unknown keys and malformed YAML become a
/// <see cref="ConfigurationException"/> that names the file, the key and the line.
/// </summary>
public static class YamlDocument
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static T Parse<T>(string file, string text)
        where T : class
    {
        try
        {
            return Deserializer.Deserialize<T>(text)
                ?? throw new ConfigurationException(file, "(document)", "the file is empty");
        }
        catch (YamlException exception)
        {
            var message = (exception.InnerException?.Message ?? exception.Message).Split('\n')[0];
            var field = FieldFromMessage(message) ?? KeyOnLine(text, (int)exception.Start.Line) ?? "(document)";
            throw new ConfigurationException(file, field, $"line {exception.Start.Line}: {message}");
        }
    }

    private static string? FieldFromMessage(string message)
    {
        // YamlDotNet says "Property 'x' not found on type 'Y'." for an unknown key.
        if (!message.StartsWith("Property '", StringComparison.Ordinal)) return null;
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }

    /// <summary>For a value that cannot be read ("lots" for a number), the key written on that line.</summary>
    private static string? KeyOnLine(string text, int line)
    {
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length) return null;
        var content = lines[line - 1].Trim().TrimStart('-', ' ');
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? content[..colon].Trim() : null;
    }
}
