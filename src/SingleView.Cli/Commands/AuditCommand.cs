using System.CommandLine;
using System.Data.Common;
using SingleView.Serve.Audit;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview audit verify</c>: walks the access log's hash chain and names every changed, deleted or
/// reordered entry. <c>singleview audit report --person ID</c>: who looked at a person and when.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("audit", "Check the access log and report who looked at a person");
        command.Subcommands.Add(Verify(context));
        command.Subcommands.Add(Report(context));
        return command;
    }

    private static Command Verify(CommandContext context)
    {
        var verify = new Command(
            "verify",
            "Recompute the access log's hash chain and compare its end with the witness file (--audit-witness); exit 1 naming each changed, deleted or reordered entry, entries cut from the end, or a missing or emptied log");
        verify.SetAction(async (result, cancellationToken) =>
        {
            AuditVerification verification;
            var witness = CommonOptions.AuditWitnessFrom(result);
            try
            {
                verification = await AuditVerifier.VerifyAsync(CommonOptions.DatabaseFrom(result), witness, context.TimeProvider, cancellationToken);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"error: cannot read the access log: {exception.Message}");
                return CommandLine.ExitFailure;
            }

            if (verification.Intact)
            {
                await context.Output.WriteLineAsync($"Access log intact: {verification.EntriesChecked} entries checked.");
                await context.Output.WriteLineAsync($"Head recorded in the witness file {witness}.");
                return CommandLine.ExitOk;
            }

            foreach (var problem in verification.Problems)
            {
                await context.Output.WriteLineAsync($"{problem.Kind.ToString().ToLowerInvariant()}: {problem.Message}");
            }

            await context.Output.WriteLineAsync($"Access log NOT intact: {verification.Problems.Count} problem(s) in {verification.EntriesChecked} entries.");
            return CommandLine.ExitFailure;
        });
        return verify;
    }

    private static Command Report(CommandContext context)
    {
        var person = new Option<string>("--person") { Description = "The person's SingleView (golden) ID", Required = true };
        var report = new Command("report", "List who looked at a person and when, including under IDs retired by merges (subject access requests)");
        report.Options.Add(person);
        report.SetAction(async (result, cancellationToken) =>
        {
            var id = result.GetValue(person)!;
            IReadOnlyList<AccessReportEntry> entries;
            try
            {
                entries = await AccessReport.ForPersonAsync(CommonOptions.DatabaseFrom(result), id, cancellationToken);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException)
            {
                await context.Error.WriteLineAsync($"error: cannot read the access log: {exception.Message}");
                return CommandLine.ExitFailure;
            }

            await context.Output.WriteLineAsync($"{entries.Count} look(s) at {id}");
            foreach (var entry in entries)
            {
                await context.Output.WriteLineAsync(
                    $"{entry.OccurredAt}\t{entry.UserName} ({entry.UserSubject})\t{entry.Role}\t{entry.GoldenId}\t{entry.Purpose ?? "-"}");
            }

            return CommandLine.ExitOk;
        });
        return report;
    }
}
