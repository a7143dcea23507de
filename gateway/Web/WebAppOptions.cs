namespace Lms.Gateway.Web;

/// <summary>Where the built web app lives (<c>Web:Root</c>, the folder with <c>index.html</c>); unset, no app is served.</summary>
public sealed class WebAppOptions
{
    public const string Section = "Web";

    public string? Root { get; set; }
}
