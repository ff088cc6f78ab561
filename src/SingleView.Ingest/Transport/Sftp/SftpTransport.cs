using System.IO.Enumeration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Transport.Sftp;

/// <summary>A partner file pulled (now or on an earlier night) into the feed's local drop folder.</summary>
public sealed record PulledFile(RemoteFile Remote, string LocalPath, bool Downloaded);

/// <summary>
/// Pulls an SFTP feed's files into its local drop folder, from where they are landed in the raw zone
/// like any dropped file. Each file is downloaded under a temporary name (skipped by the drop-folder
/// listing) and renamed into place only when complete and the size matches the server's, so a
/// transfer cut off half way never looks like a delivery. Transient failures are retried with
/// exponential backoff and jitter; host-key and authentication failures are not.
/// </summary>
public sealed class SftpTransport(TimeProvider timeProvider, ILogger logger, string executable = "sftp")
{
    private const string TemporaryPrefix = ".sftp-";

    public async Task<IReadOnlyList<PulledFile>> PullAsync(FeedDefinition definition, string localFolder, CancellationToken cancellationToken)
    {
        var source = SourceOf(definition);
        CheckLocalFiles(definition, source);
        Directory.CreateDirectory(localFolder);
        RemoveAbandonedDownloads(localFolder);
        var pipeline = Pipeline(definition.Feed, source);
        var session = new SftpSession(source, executable, timeProvider);

        var listing = await pipeline.ExecuteAsync(
            async token => await session.RunAsync([$"ls -ln {SftpSession.Quote(source.RemoteFolder)}"], token),
            cancellationToken);
        var pulled = new List<PulledFile>();
        foreach (var remote in SftpListing.Parse(listing, source.RemoteFolder))
        {
            if (!FileSystemName.MatchesSimpleExpression(definition.Transport.FilePattern, remote.Name, ignoreCase: true)) continue;
            if (!IsSafeName(remote.Name))
            {
                logger.LogWarning("{Feed}: skipped {Name} on {Endpoint}: its name holds characters sftp would read as a pattern or quote", definition.Feed, remote.Name, source.Endpoint);
                continue;
            }

            var localPath = Path.Combine(localFolder, remote.Name);
            if (File.Exists(localPath) && new FileInfo(localPath).Length == remote.Bytes)
            {
                pulled.Add(new PulledFile(remote, localPath, Downloaded: false));
                continue;
            }

            await pipeline.ExecuteAsync(async token => await DownloadAsync(session, source, remote, localPath, token), cancellationToken);
            logger.LogInformation("{Feed}: pulled {Remote} ({Bytes} bytes) from {Endpoint}", definition.Feed, remote.RemotePath, remote.Bytes, source.Endpoint);
            pulled.Add(new PulledFile(remote, localPath, Downloaded: true));
        }

        return pulled;
    }

    /// <summary>
    /// Removes or archives files on the server once they are safely in the raw zone, as the feed says
    /// (by default they are left). A failure is logged, not thrown: the file is landed, and the next
    /// run recognises it by its hash and tries again.
    /// </summary>
    public async Task AfterLandingAsync(FeedDefinition definition, IEnumerable<PulledFile> landed, CancellationToken cancellationToken)
    {
        var source = SourceOf(definition);
        if (source.AfterLanding == AfterLanding.Leave) return;
        var pipeline = Pipeline(definition.Feed, source);
        var session = new SftpSession(source, executable, timeProvider);
        foreach (var file in landed)
        {
            var command = source.AfterLanding == AfterLanding.Remove
                ? $"rm {SftpSession.Quote(file.Remote.RemotePath)}"
                : $"rename {SftpSession.Quote(file.Remote.RemotePath)} {SftpSession.Quote(SftpListing.Combine(source.ArchiveFolder!, file.Remote.Name))}";
            try
            {
                await pipeline.ExecuteAsync(async token => await session.RunAsync([command], token), cancellationToken);
                logger.LogInformation("{Feed}: {Action} {Remote} on {Endpoint} after landing", definition.Feed, source.AfterLanding, file.Remote.RemotePath, source.Endpoint);
            }
            catch (SftpException exception)
            {
                logger.LogWarning("{Feed}: could not {Action} {Remote} after landing: {Message}", definition.Feed, source.AfterLanding, file.Remote.RemotePath, exception.Message);
            }
        }
    }

    private static async Task DownloadAsync(SftpSession session, SftpSource source, RemoteFile remote, string localPath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(localPath)!;
        var temporary = Path.Combine(folder, $"{TemporaryPrefix}{remote.Name}.{Guid.NewGuid():N}{Zones.AtomicFile.TemporarySuffix}");
        try
        {
            await session.RunAsync([$"get {SftpSession.Quote(remote.RemotePath)} {SftpSession.Quote(temporary)}"], cancellationToken);
            var received = File.Exists(temporary) ? new FileInfo(temporary).Length : 0;
            if (received != remote.Bytes)
            {
                throw new SftpException(
                    SftpFailureKind.Transient,
                    $"{remote.RemotePath} from {source.Endpoint} arrived incomplete ({received} of {remote.Bytes} bytes)");
            }

            File.Move(temporary, localPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private ResiliencePipeline Pipeline(string feed, SftpSource source) =>
        source.Retry.MaxRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SftpException>(exception => exception.IsTransient),
                MaxRetryAttempts = source.Retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = source.Retry.BaseDelay,
                MaxDelay = source.Retry.MaxDelay,
                OnRetry = arguments =>
                {
                    logger.LogWarning(
                        "{Feed}: {Message}; retry {Attempt} of {Retries} in {Delay:0.0} s",
                        feed, arguments.Outcome.Exception?.Message, arguments.AttemptNumber + 1, source.Retry.MaxRetries, arguments.RetryDelay.TotalSeconds);
                    return default;
                },
            })
            .Build();

    private static SftpSource SourceOf(FeedDefinition definition) =>
        definition.Transport.Sftp ?? throw new ArgumentException($"{definition.Feed} is not an SFTP feed", nameof(definition));

    private static void CheckLocalFiles(FeedDefinition definition, SftpSource source)
    {
        if (!File.Exists(source.PrivateKeyFile))
        {
            throw new SftpException(SftpFailureKind.Permanent, $"{definition.DefinitionFile}: transport.private_key_file {source.PrivateKeyFile} does not exist");
        }

        if (!File.Exists(source.KnownHostsFile))
        {
            throw new SftpException(SftpFailureKind.HostKeyUnknown, $"host key for {source.Endpoint} is not in {source.KnownHostsFile} (the file does not exist)");
        }
    }

    // A run killed mid-download leaves its temporary file behind; no other run owns it.
    private static void RemoveAbandonedDownloads(string folder)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, TemporaryPrefix + "*" + Zones.AtomicFile.TemporarySuffix)) File.Delete(stale);
    }

    private static bool IsSafeName(string name) => !name.Any(c => char.IsControl(c) || c is '"' or '\\' or '*' or '?' or '[' or ']');
}
