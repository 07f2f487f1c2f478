using AutoReply.Migrator;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddSchemaMigrations();

using var host = builder.Build();
return await host.RunMigrationsAsync();
