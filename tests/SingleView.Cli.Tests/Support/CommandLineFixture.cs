using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Support;

/// <summary>
/// A fresh temporary folder per test and the `singleview` command run in-process against it, with the
/// repository's committed config and pipelines.
/// </summary>
public abstract class CommandLineFixture
{
    protected string Folder { get; private set; } = string.Empty;

    /// <summary>The options every verb takes: a data folder inside <see cref="Folder"/>, the committed config and pipelines.</summary>
    protected string[] Common => ["--data", Path.Combine(Folder, "data"), "--config", RepositoryRoot.Config, "--pipelines", RepositoryRoot.Pipelines];

    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("singleview-cli-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    protected static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TimeProvider.System, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
