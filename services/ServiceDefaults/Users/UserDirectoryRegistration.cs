using Lms.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Users;

public static class UserDirectoryRegistration
{
    /// <summary>Keeps the service's <c>users</c> projection from identity's events, on the service's own queues.</summary>
    public static void AddUserDirectory<TContext>(this IBusRegistrationConfigurator bus, ServiceInfo service)
        where TContext : DbContext, IOutboxDbContext, IUserDirectory
    {
        bus.AddConsumer<UserRegisteredConsumer<TContext>>()
            .Endpoint(endpoint => endpoint.Name = $"{service.Name}-user-registered");
        bus.AddConsumer<UserProfileChangedConsumer<TContext>>()
            .Endpoint(endpoint => endpoint.Name = $"{service.Name}-user-profile-changed");
    }
}
