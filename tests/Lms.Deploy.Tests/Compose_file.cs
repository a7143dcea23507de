using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Lms.Deploy.Tests;

/// <summary>docker-compose.yml, validated by the compose client itself and held to the service table.</summary>
public sealed class Compose_file
{
    /// <summary>The secrets compose requires (README, Running with Docker), set for these checks only.</summary>
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["LMS_TOKEN_KEY_SECRET"] = "test-token-key-secret-0123456789abcdef",
        ["LMS_LIVE_CALLBACK_SECRET"] = "test-callback-secret-0123456789abcdef",
        ["LMS_LIVE_PLAYBACK_SECRET"] = "test-playback-secret-0123456789abcdef",
        ["LMS_S3_ACCESS_KEY"] = "S3RVER",
        ["LMS_S3_SECRET_KEY"] = "S3RVER",
    };

    [Fact]
    public void Is_valid_for_the_compose_client()
    {
        var (exit, output) = Compose("config", "-q");
        Assert.True(exit == 0, $"compose config failed ({exit}):\n{output}");
    }

    [Theory]
    [InlineData("LMS_TOKEN_KEY_SECRET")]
    [InlineData("LMS_LIVE_CALLBACK_SECRET")]
    [InlineData("LMS_LIVE_PLAYBACK_SECRET")]
    [InlineData("LMS_S3_SECRET_KEY")]
    public void Refuses_to_start_without_each_secret_naming_it(string secret)
    {
        var (exit, output) = Compose(new Dictionary<string, string>(Secrets) { [secret] = "" }, "config", "-q");

        Assert.NotEqual(0, exit);
        Assert.Contains(secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_no_secret_the_repository_once_shipped()
    {
        var (_, output) = Compose("config");
        var nginx = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "docker", "nginx-rtmp.conf"));

        foreach (var known in new[] { "compose-live-callback-secret", "compose-live-playback-secret", "compose-only-token-key-secret-change-me" })
        {
            Assert.DoesNotContain(known, output, StringComparison.Ordinal);
            Assert.DoesNotContain(known, nginx, StringComparison.Ordinal);
        }
        Assert.Contains(Secrets["LMS_LIVE_CALLBACK_SECRET"], output, StringComparison.Ordinal);
    }

    [Fact]
    public void Builds_every_service_and_the_gateway_from_the_one_Dockerfile_with_the_table_s_arguments()
    {
        var services = Services();
        foreach (var spec in ServiceCatalog.All)
        {
            var service = (YamlMappingNode)services[spec.Name];
            var build = (YamlMappingNode)service["build"];
            Assert.Equal("deploy/docker/Service.Dockerfile", build["dockerfile"].ToString());
            var args = (YamlMappingNode)build["args"];
            Assert.Equal(spec.Dir, args["PROJECT_DIR"].ToString());
            Assert.Equal(spec.Assembly, args["ASSEMBLY"].ToString());
            Assert.Equal(spec.Runtime, args["RUNTIME"].ToString());
            Assert.Equal("true", service["read_only"].ToString());
            var environment = (YamlMappingNode)service["environment"];
            Assert.Equal(spec.Mail, environment.Children.ContainsKey("Mail__SmtpHost"));
            Assert.Equal(spec.Database, environment.Children.ContainsKey("ConnectionStrings__Database"));
        }
    }

    [Fact]
    public void Starts_the_gateway_only_after_every_service_is_healthy_and_each_service_after_its_servers()
    {
        var services = Services();
        var gateway = (YamlMappingNode)((YamlMappingNode)services["gateway"])["depends_on"];
        foreach (var spec in ServiceCatalog.Services)
        {
            Assert.Equal("service_healthy", ((YamlMappingNode)gateway[spec.Name])["condition"].ToString());
            var dependsOn = (YamlMappingNode)((YamlMappingNode)services[spec.Name])["depends_on"];
            Assert.Equal("service_healthy", ((YamlMappingNode)dependsOn["mysql"])["condition"].ToString());
            Assert.Equal("service_healthy", ((YamlMappingNode)dependsOn["rabbitmq"])["condition"].ToString());
        }
        foreach (var server in new[] { "mysql", "rabbitmq", "redis" })
        {
            Assert.True(((YamlMappingNode)services[server]).Children.ContainsKey("healthcheck"), $"{server} has no health check");
        }
    }

    // The resolved file (anchors and merges applied) as the compose client prints it.
    private static YamlMappingNode Services()
    {
        var (exit, output) = Compose("config");
        Assert.True(exit == 0, output);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    /// <summary>
    /// Runs the Compose v2 plugin (<c>docker compose</c>) where it is installed, else the standalone
    /// <c>docker-compose</c> (Debian's package; <c>./lms</c> installs it). Neither needs a Docker engine for this.
    /// </summary>
    private static (int Exit, string Output) Compose(params string[] args) => Compose(Secrets, args);

    private static (int Exit, string Output) Compose(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var plugin = Run("docker", ["compose", "version"], environment);
        return plugin.Exit == 0
            ? Run("docker", ["compose", .. args], environment)
            : Run("docker-compose", args, environment);
    }

    private static (int Exit, string Output) Run(string program, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program} is not installed: {e.Message}");
        }
    }
}
