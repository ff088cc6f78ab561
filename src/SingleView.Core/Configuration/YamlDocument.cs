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
            var field = FieldFromMessage(message);
            throw new ConfigurationException(file, field, $"line {exception.Start.Line}: {message}");
        }
    }

    private static string FieldFromMessage(string message)
    {
        // YamlDotNet says "Property 'x' not found on type 'Y'." for an unknown key.
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
        return start >= 0 && end > start ? message[(start + 1)..end] : "(document)";
    }
}
