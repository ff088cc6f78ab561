using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SingleView.Schedule.Digests;
using SingleView.Serve.Configuration;
using SingleView.Serve.Endpoints;
using SingleView.Serve.Pages;

namespace SingleView.Serve.Digests;

/// <summary>/digests: a school DSL's own school's digests, the same ones that were e-mailed.</summary>
internal static class DigestEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/digests", ShowAsync);

    private static async Task<IResult> ShowAsync(HttpContext context, RequestContext request, DigestStore digests, CancellationToken cancellationToken)
    {
        var viewer = request.ViewerOf(context);
        if (viewer is null) return RequestContext.Page(StatusPages.NoRole(request.FrameFor(null)), StatusCodes.Status403Forbidden);
        // Only a school-roll role with a school: the URN comes from the sign-in, never from the request.
        if (viewer.Role.Scope != RoleScope.SchoolRoll || viewer.SchoolUrn is null)
        {
            return RequestContext.Page(DigestPage.NotForYou(request.FrameFor(viewer)), StatusCodes.Status403Forbidden);
        }

        var own = await digests.ForSchoolAsync(viewer.SchoolUrn, 30, cancellationToken);
        return RequestContext.Page(DigestPage.Render(request.FrameFor(viewer), viewer.SchoolUrn, own, viewer.Role.SeesContactDetails));
    }
}
