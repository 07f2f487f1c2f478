using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoReply.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransactionalOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Destination = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MessageType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Body = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_CreatedAt",
                schema: "rules",
                table: "outbox",
                column: "CreatedAt");

            // A reply decided before the outbox whose command never reached the bus is the outbox's now.
            migrationBuilder.Sql("""
                INSERT INTO rules.outbox ("Id", "Destination", "MessageType", "Body", "CreatedAt")
                SELECT gen_random_uuid(), 'exchange:send-auto-reply', 'AutoReply.Contracts.Commands.SendAutoReply',
                       jsonb_build_object('decisionId', "Id", 'eventId', "EventId", 'from', "PhoneNumber", 'to', "Contact", 'body', "Message", 'decidedAt', "DecidedAt"),
                       now()
                FROM rules.decisions
                WHERE "Outcome" = 'sent' AND "CommandPublishedAt" IS NULL
                """);

            migrationBuilder.DropColumn(
                name: "CommandPublishedAt",
                schema: "rules",
                table: "decisions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox",
                schema: "rules");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CommandPublishedAt",
                schema: "rules",
                table: "decisions",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
