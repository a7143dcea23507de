using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Live.Data.Migrations
{
    /// <inheritdoc />
    public partial class Quizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quiz_answers",
                columns: table => new
                {
                    quiz_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    user_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    session_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    option = table.Column<int>(type: "int", nullable: false),
                    correct = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    answer_ms = table.Column<int>(type: "int", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_answers", x => new { x.quiz_id, x.user_id });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "quizzes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    session_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    question = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    options = table.Column<string>(type: "text", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    correct_option = table.Column<int>(type: "int", nullable: false),
                    solution = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    time_limit_seconds = table.Column<int>(type: "int", nullable: false),
                    state = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    opened_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    ends_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quizzes", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_quiz_answers_session_id_user_id",
                table: "quiz_answers",
                columns: new[] { "session_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_quizzes_session_id_state",
                table: "quizzes",
                columns: new[] { "session_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_quizzes_state_ends_at",
                table: "quizzes",
                columns: new[] { "state", "ends_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quiz_answers");

            migrationBuilder.DropTable(
                name: "quizzes");
        }
    }
}
