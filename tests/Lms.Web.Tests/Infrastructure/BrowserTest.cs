namespace Lms.Web.Tests.Infrastructure;

/// <summary>A test class that drives the web app: the shared chromium, and an API client for setting things up.</summary>
[Collection(SharedBrowser.Name)]
public abstract class BrowserTest(Chromium browser)
{
    protected Chromium Browser { get; } = browser;

    /// <summary>For arranging through the API what the test is not about (no cookie jar; people carry bearer tokens).</summary>
    protected HttpClient Api { get; } = Lms.EndToEnd.Tests.RunningPlatform.NewClient();
}
