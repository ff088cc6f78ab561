using SingleView.Core.Model;
using SingleView.Serve.Configuration;
using SingleView.Serve.Data;

namespace SingleView.Serve.Access;

/// <summary>
/// The one place that decides what a viewer may see, used by pages and API alike through
/// <see cref="People.PersonViewService"/> and <see cref="Search.PersonSearch"/>: which services (a service
/// the role cannot see is never queried), which people (a school DSL only their own roll) and whether
/// practitioner contact details are shown.
/// </summary>
internal sealed class AccessPolicy(ServingReader reader, DisplaySettings display)
{
    /// <summary>The services the role may see at all.</summary>
    public static IReadOnlySet<Service> ServicesOf(Viewer viewer) => viewer.Role.Services;

    /// <summary>The services shown for a person of this age: the role's, less those the local age rules hide.</summary>
    public IReadOnlyList<Service> ServicesShownFor(Viewer viewer, int? age) =>
        Enum.GetValues<Service>().Where(s => viewer.Role.Services.Contains(s) && display.AgeRuleFor(s).Allows(age)).ToList();

    public static bool SeesContactDetails(Viewer viewer) => viewer.Role.SeesContactDetails;

    /// <summary>Whether the role may see a golden field (roles.yaml "fields").</summary>
    public static bool SeesField(Viewer viewer, string field) => viewer.Role.Fields.Contains(field);

    /// <summary>Whether a record of a feed may be mentioned to the viewer: only when its service is one the role sees.</summary>
    public static bool MaySeeFeed(Viewer viewer, FeedServices feeds, string feed) =>
        feeds.ServiceOf(feed) is { } service && viewer.Role.Services.Contains(service);

    /// <summary>The people among <paramref name="goldenIds"/> the viewer may find or open, in the given order.</summary>
    public async Task<IReadOnlyList<string>> VisiblePeopleAsync(Viewer viewer, IReadOnlyList<string> goldenIds, CancellationToken cancellationToken)
    {
        if (viewer.Role.Scope == RoleScope.Authority || goldenIds.Count == 0) return goldenIds;
        if (viewer.SchoolUrn is null) return [];
        var onRoll = await reader.PeopleOnSchoolRollAsync(goldenIds, viewer.SchoolUrn, cancellationToken);
        return goldenIds.Where(onRoll.Contains).ToList();
    }

    public async Task<bool> MayOpenAsync(Viewer viewer, string goldenId, CancellationToken cancellationToken) =>
        (await VisiblePeopleAsync(viewer, [goldenId], cancellationToken)).Count == 1;
}
