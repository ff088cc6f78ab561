using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SingleView.Schedule.Hosting;
using SingleView.Serve.Digests;

namespace SingleView.Serve.Administration;

/// <summary>
/// The scheduling stage inside the serve host: its services (Quartz only when config/schedule.yaml
/// enables it) and its pages, the administrator's /admin/runs and the school DSL's /digests.
/// </summary>
internal static class SchedulePages
{
    public static void AddServices(IServiceCollection services, ServeOptions options, TimeProvider? timeProvider)
    {
        services.AddSingleViewSchedule(new ScheduleHostOptions
        {
            Database = options.Database,
            ConfigDirectory = options.ConfigDirectory,
            TimeProvider = timeProvider,
        });
        services.AddSingleton<RefreshStatusMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<RefreshStatusMonitor>());
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        AdminRunsEndpoints.Map(app);
        DigestEndpoints.Map(app);
    }
}
