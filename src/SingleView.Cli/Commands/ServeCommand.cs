using System.CommandLine;
using SingleView.Serve;

namespace SingleView.Cli.Commands;

/// <summary><c>singleview serve</c>: the read-only view and API over the serving database.</summary>
internal static class ServeCommand
{
    public static readonly Option<string> Url = new("--url")
    {
        Description = "Address to listen on",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    public static Command Create(CommandContext context)
    {
        var demo = new Option<bool>("--demo-sign-in") { Description = "Demo mode: a development sign-in page instead of single sign-on. Never on real data." };
        var authority = new Option<string?>("--jwt-authority") { Description = "OpenID Connect authority that issues bearer tokens (e.g. Entra ID)" };
        var audience = new Option<string?>("--jwt-audience") { Description = "Audience the bearer tokens must be issued for" };
        var command = new Command("serve", "Serve the single view (pages and JSON API) on 127.0.0.1");
        command.Options.Add(Url);
        command.Options.Add(demo);
        command.Options.Add(authority);
        command.Options.Add(audience);
        command.SetAction(async (result, cancellationToken) =>
        {
            var demoMode = result.GetValue(demo);
            var options = new ServeOptions
            {
                Database = CommonOptions.DatabaseFrom(result),
                ConfigDirectory = result.GetValue(CommonOptions.Config)!,
                DataDirectory = result.GetValue(CommonOptions.Data)!,
                DemoMode = demoMode,
                Url = result.GetValue(Url)!,
                Jwt = demoMode ? null : new JwtOptions { Authority = result.GetValue(authority), Audience = result.GetValue(audience) ?? string.Empty },
            };
            await RunAsync(context, options, cancellationToken);
            return CommandLine.ExitOk;
        });
        return command;
    }

    public static async Task RunAsync(CommandContext context, ServeOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        await context.Output.WriteLineAsync($"Serving the single view at {options.Url}{(options.DemoMode ? " (demo mode: development sign-in)" : string.Empty)}. Press Ctrl+C to stop.");
        await SingleViewWebApp.RunAsync(options, cancellationToken);
    }
}
