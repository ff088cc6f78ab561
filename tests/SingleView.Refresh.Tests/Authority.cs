using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Publish;
using SingleView.Samples;
using SingleView.Tests.Shared;

namespace SingleView.Refresh.Tests;

/// <summary>A small generated authority in a temporary folder, refreshed with the repository's config and pipelines.</summary>
internal sealed class Authority : IDisposable
{
    public static readonly DateOnly ExtractDate = new(2026, 11, 20);

    public Authority(int children = 300, int seed = 7)
    {
        Folder = Directory.CreateTempSubdirectory("singleview-refresh-").FullName;
        SampleAuthorityGenerator.Generate(new SampleAuthorityOptions
        {
            Children = children,
            Seed = seed,
            OutputDirectory = Path.Combine(Folder, "authority"),
            ExtractDate = ExtractDate,
        });
    }

    public string Folder { get; }

    public string Drops => Path.Combine(Folder, "authority", "drops");

    public string Truth => Path.Combine(Folder, "authority", "truth.csv");

    public RefreshOptions Options(ServingDatabase? database = null, string? pipelines = null) => new()
    {
        DataDirectory = Path.Combine(Folder, "data"),
        ConfigDirectory = RepositoryRoot.Config,
        PipelinesDirectory = pipelines ?? RepositoryRoot.Pipelines,
        DropRoot = Drops,
        Database = database,
    };

    /// <summary>The refresh of the night after <see cref="ExtractDate"/>, or of <paramref name="night"/> nights later.</summary>
    public static NightlyRefresh Refresh(int night = 0) => new(Clock(night), NullLoggerFactory.Instance);

    public static TimeProvider Clock(int night = 0) => new FixedTime(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero).AddDays(night));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
