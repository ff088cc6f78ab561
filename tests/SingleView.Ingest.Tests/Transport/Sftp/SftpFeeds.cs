using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SingleView.Ingest.Definitions;
using SingleView.Tests.Shared;

namespace SingleView.Ingest.Tests.Transport.Sftp;

/// <summary>SFTP feed definitions for the tests, pointing at a <see cref="TestSshd"/>, read by the real loader.</summary>
internal static class SftpFeeds
{
    public static FeedDefinition Definition(
        TestSshd server,
        string? knownHosts = null,
        string? key = null,
        string afterLanding = "leave",
        string extra = "",
        int maxRetries = 3,
        double baseDelaySeconds = 0.05) =>
        FeedDefinitionLoader.Parse("lcs.yaml", $"""
            feed: lcs
            source_system: LCS
            service: childrens_social_care
            transport:
              kind: sftp
              host: 127.0.0.1
              port: {server.Port}
              user: {TestSshd.User}
              private_key_file: "{key ?? server.ClientKeyFile}"
              known_hosts_file: "{knownHosts ?? server.KnownHostsFile}"
              remote_folder: "{server.RemoteFolder}"
              file_pattern: "lcs_*.csv"
              after_landing: {afterLanding}
              archive_folder: "{server.RemoteFolder}/archive"
              connect_timeout_seconds: 5
              transfer_timeout_seconds: 120
              retry: {"{"} max_retries: {maxRetries}, base_delay_seconds: {baseDelaySeconds}, max_delay_seconds: 1 {"}"}
            {extra}
            record_id: PersonID
            columns:
              first_name: Forename
              family_name: Surname
            governance:
              legal_basis: Children Act 1989 s17
              sharing_agreement: ISA-1
              data_owner: Head of Children's Services
              retention_days: 365
            """);
}

/// <summary>A logger that keeps what it is told, to check what was retried and why.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IEnumerable<string> Retries => Entries.Where(e => e.Message.Contains("; retry ", StringComparison.Ordinal)).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
