using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Lms.Deploy.Tests;

/// <summary>docker-compose.yml, validated by the compose client itself and held to the service table.</summary>
public sealed class Compose_file
{
    [Fact]
    public void Is_valid_for_the_compose_client()
    {
        var (exit, output) = Compose("config", "-q");
        Assert.True(exit == 0, $"compose config failed ({exit}):\n{output}");
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
    private static (int Exit, string Output) Compose(params string[] args)
    {
        var plugin = Run("docker", ["compose", "version"]);
        return plugin.Exit == 0
            ? Run("docker", ["compose", .. args])
            : Run("docker-compose", args);
    }

    private static (int Exit, string Output) Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
