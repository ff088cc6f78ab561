namespace SingleView.Core.Configuration;

/// <summary>
/// A configuration or feed-definition file that cannot be used, naming the file, the field and what
/// is wrong, so the command line can say it in one line instead of a stack trace.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string file, string field, string problem)
        : base($"{file}: {field}: {problem}")
    {
        File = file;
        Field = field;
        Problem = problem;
    }

    public ConfigurationException()
        : this("(unknown file)", "(unknown field)", "invalid configuration")
    {
    }

    public ConfigurationException(string message)
        : this("(unknown file)", "(unknown field)", message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown file)";
        Field = "(unknown field)";
        Problem = message;
    }

    public string File { get; }
    public string Field { get; }
    public string Problem { get; }
}
