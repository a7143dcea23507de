namespace Lms.Deploy.Tests;

/// <summary>deploy/services.json, the one Dockerfile and .dockerignore, held to the repository they build.</summary>
public sealed class Images_and_service_table
{
    private static readonly string[] Runtimes = ["plain", "media"];

    private static readonly string[] WebKinds = ["none", "app"];

    private static readonly string Dockerfile = Repository.Read("deploy/docker/Service.Dockerfile");

    [Fact]
    public void Lists_every_service_project_and_the_gateway_with_projects_that_exist()
    {
        var projects = Directory.EnumerateFiles(Repository.PathOf("services"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repository.PathOf("gateway"), "*.csproj"))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Where(name => name != "Lms.ServiceDefaults")
            .Order();
        Assert.Equal(projects, ServiceCatalog.All.Select(s => s.Assembly).Order());
        Assert.All(ServiceCatalog.All, s => Assert.True(File.Exists(Repository.PathOf($"{s.Dir}/{s.Assembly}.csproj")), $"{s.Dir}/{s.Assembly}.csproj"));
    }

    [Fact]
    public void Puts_ffmpeg_only_into_the_images_that_run_it()
    {
        Assert.Equal(["content", "live"], ServiceCatalog.All.Where(s => s.Runtime == "media").Select(s => s.Name).Order());
        Assert.All(ServiceCatalog.All, s => Assert.Contains(s.Runtime, Runtimes));
        var media = Dockerfile[Dockerfile.IndexOf("AS runtime-media", StringComparison.Ordinal)..Dockerfile.IndexOf("# ---- final", StringComparison.Ordinal)];
        Assert.Contains("ffmpeg", media, StringComparison.Ordinal);
        Assert.Single(Dockerfile.Split('\n'), line => line.Contains("install", StringComparison.Ordinal) && line.Contains("ffmpeg", StringComparison.Ordinal));
    }

    [Fact]
    public void Builds_the_web_app_only_into_the_gateway_image_which_is_told_where_it_is()
    {
        Assert.Equal(["gateway"], ServiceCatalog.All.Where(s => s.Web == "app").Select(s => s.Name));
        Assert.All(ServiceCatalog.All, s => Assert.Contains(s.Web, WebKinds));
        Assert.Contains("FROM node:20", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("npm ci", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=web /web/dist ./wwwroot", Dockerfile, StringComparison.Ordinal);
        var lockFirst = Dockerfile.IndexOf("COPY web/package.json web/package-lock.json", StringComparison.Ordinal);
        Assert.True(lockFirst > 0 && lockFirst < Dockerfile.IndexOf("COPY web/ ./", StringComparison.Ordinal), "packages install before the sources are copied");
        Assert.Contains("**/node_modules", Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()));
        var workflow = Repository.Read(".github/workflows/deploy-services.yml");
        Assert.Contains("WEB=${{ steps.service.outputs.web }}", workflow, StringComparison.Ordinal);
        Assert.Contains("Web__Root: /app/wwwroot", Repository.Read("docker-compose.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Builds_images_that_restore_from_project_files_run_as_non_root_and_check_their_health()
    {
        var restore = Dockerfile.IndexOf("dotnet restore", StringComparison.Ordinal);
        var sources = Dockerfile.IndexOf("COPY ${PROJECT_DIR}/ ${PROJECT_DIR}/", StringComparison.Ordinal);
        Assert.True(restore > 0 && sources > restore, "sources are copied only after the restore layer");
        Assert.DoesNotContain("COPY . .", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("-c Release", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", Dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"HEALTHCHECK .*""/health/live""", Dockerfile);
        Assert.Contains("org.opencontainers.image.source=\"${SOURCE}\"", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("org.opencontainers.image.revision=\"${REVISION}\"", Dockerfile, StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.PathOf("deploy/docker/entrypoint.sh")));
        Assert.True(File.Exists(Repository.PathOf("deploy/docker/healthcheck.sh")));
    }

    [Fact]
    public void Keeps_local_data_build_output_and_history_out_of_the_build_context()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();
        Assert.Superset(new HashSet<string> { ".git", ".local", "artifacts", "**/bin", "**/obj", "**/TestResults" }, ignored);
    }

    [Fact]
    public void Puts_the_CDK_app_and_its_tests_in_the_solution()
    {
        var solution = Repository.Read("Microservices.sln");
        Assert.Contains(@"deploy\Lms.Deploy\Lms.Deploy.csproj", solution, StringComparison.Ordinal);
        Assert.Contains(@"tests\Lms.Deploy.Tests\Lms.Deploy.Tests.csproj", solution, StringComparison.Ordinal);
    }
}
