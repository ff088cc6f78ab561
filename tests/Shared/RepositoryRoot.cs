using System.Reflection;

namespace SingleView.Tests.Shared;

/// <summary>
/// The repository's folders, for tests that read the committed config, pipelines or samples. The root is
/// stamped in at build time, so it holds wherever the build output goes (e.g. --artifacts-path).
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = typeof(RepositoryRoot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Config => System.IO.Path.Combine(Path, "config");

    public static string Pipelines => System.IO.Path.Combine(Path, "pipelines");

    public static string Samples => System.IO.Path.Combine(Path, "samples");
}
