//! The command line: `serve`, `migrate`, `import`, `export` and `demo`.

mod data;
mod matching;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use crate::app::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::storage;

/// Symbiose: an industrial-symbiosis marketplace for a region of small and medium-sized firms.
#[derive(Debug, Parser)]
#[command(name = "symbiose", version, about, long_about = None)]
pub struct Cli {
    /// Database URL: sqlite://FILE?mode=rwc or postgres://USER@HOST/DB
    /// [default: sqlite://symbiose.db?mode=rwc]
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web app; an empty database gets the Keyport demo region first.
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080]
        #[arg(long, env = "SYMBIOSE_ADDR")]
        addr: Option<SocketAddr>,
        /// Behind a reverse proxy: read the client's address from the last X-Forwarded-For
        /// entry (used to slow down password guessing per client). Only set this when every
        /// request passes through a proxy that appends it.
        #[arg(long, env = "SYMBIOSE_TRUST_PROXY")]
        trust_proxy: bool,
        /// Mail server: smtp://HOST:PORT (plain), smtp://USER:PASS@HOST:587?tls=required
        /// (STARTTLS) or smtps://USER:PASS@HOST:465. Without it mail is queued, not sent.
        #[arg(long, env = "SMTP_URL")]
        smtp_url: Option<String>,
        /// Sender of mail [default: Symbiose <noreply@HOST of --public-url>]
        #[arg(long, env = "MAIL_FROM")]
        mail_from: Option<String>,
        /// The address users reach the site at (https://symbiose.example.nl), for links in
        /// mail; required with --smtp-url
        #[arg(long, env = "PUBLIC_URL")]
        public_url: Option<String>,
        /// Seconds between two drains of the outbox [default: 30]
        #[arg(long, env = "SYMBIOSE_MAIL_EVERY")]
        mail_every: Option<f64>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Import JSON instance files and CSV files, all or nothing, in one transaction.
    Import {
        /// Files to import (.json: instance format; .csv: companies, offers, needs or
        /// parameters, told apart by their header). A directory stands for its files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export the whole region.
    Export {
        /// json: one instance file; csv: a directory with companies.csv, offers.csv,
        /// needs.csv and parameters.csv
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Output file (json) or directory (csv)
        #[arg(long)]
        out: PathBuf,
    },
    /// Load the Keyport demo region into the database.
    Demo,
    /// Manage accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Run the matcher: the optimal region plan, loops, pools and clusters.
    Match {
        /// An instance file (JSON instance format or CSV); without it, the database's region
        #[arg(long)]
        instance: Option<PathBuf>,
        /// Print the full report as JSON (documented in the README)
        #[arg(long)]
        json: bool,
        /// Write the plan in the benchmark's solution format
        #[arg(long)]
        solution_out: Option<PathBuf>,
        /// Only the region plan: skip loops, pools and clusters
        #[arg(long)]
        plan_only: bool,
    },
    /// The best counterparts of one offer or need, with reasons.
    Suggest {
        /// An instance file; without it, the database's region
        #[arg(long)]
        instance: Option<PathBuf>,
        /// The id of an offer or a need
        #[arg(long)]
        flow: String,
        /// How many suggestions
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1000))]
        top: u16,
        /// Print JSON
        #[arg(long)]
        json: bool,
        /// The language of the reasons
        #[arg(long, value_enum, default_value_t = OutputLanguage::Nl)]
        lang: OutputLanguage,
    },
}

/// The languages the command line writes reasons in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputLanguage {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl OutputLanguage {
    /// The app's language.
    pub fn lang(self) -> crate::i18n::Lang {
        match self {
            OutputLanguage::Nl => crate::i18n::Lang::Dutch,
            OutputLanguage::En => crate::i18n::Lang::English,
        }
    }
}

/// Account management.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator or coordinator; the password is read from standard input
    /// (one line), so that it stays out of the shell history.
    Create {
        /// The e-mail address to log in with
        #[arg(long)]
        email: String,
        /// administrator or coordinator
        #[arg(long, value_enum, default_value_t = StaffRole::Administrator)]
        role: StaffRole,
    },
}

/// Roles that are not tied to a firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StaffRole {
    Administrator,
    Coordinator,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

/// Exit status for input that was refused (the database is unchanged).
pub const EXIT_REJECTED: u8 = 1;
/// Exit status for wrong usage (as clap's own): settings that cannot work together.
pub const EXIT_USAGE: u8 = 2;
/// Exit status for a failure of the database or the file system.
pub const EXIT_FAILED: u8 = 3;

/// Runs a command; `Ok(code)` is the process exit status.
pub async fn run(cli: Cli) -> anyhow::Result<u8> {
    let addr = match &cli.command {
        Command::Serve { addr, .. } => *addr,
        _ => None,
    };
    let settings = Settings::resolve(cli.database_url.clone(), addr);
    // The command line reads the machine's clock once, as the app's own clock would.
    let clock = SystemClock;
    let today = clock.today();
    // With an instance file the matcher needs no database at all.
    if let Some(code) = run_on_file(&cli.command, today).await? {
        return Ok(code);
    }
    let db = storage::connect_and_migrate(&settings.database_url)
        .await
        .with_context(|| {
            format!(
                "cannot open the database {}",
                redact(&settings.database_url)
            )
        })?;
    match cli.command {
        Command::Serve {
            trust_proxy,
            smtp_url,
            mail_from,
            public_url,
            mail_every,
            ..
        } => {
            let mail = crate::mail::MailSettings {
                smtp_url,
                from: mail_from,
                public_url,
                every_seconds: mail_every,
            };
            let mail = match mail.resolve() {
                Ok(mail) => mail,
                Err(problem) => {
                    eprintln!("error: {problem}");
                    return Ok(EXIT_USAGE);
                }
            };
            let web = crate::web::WebSettings { trust_proxy };
            crate::web::serve(db, settings.addr, web, mail).await?;
            Ok(0)
        }
        Command::Migrate => {
            println!(
                "database is up to date ({})",
                redact(&settings.database_url)
            );
            Ok(0)
        }
        Command::Demo => data::demo(&db, today).await,
        Command::Admin {
            command: AdminCommand::Create { email, role },
        } => data::create_staff(&db, &email, role, clock.now()).await,
        Command::Import { files } => data::import(&db, &files, today).await,
        Command::Export { format, out } => data::export(&db, format, &out).await,
        Command::Match {
            json,
            solution_out,
            plan_only,
            ..
        } => {
            let options = matching::MatchOptions {
                json,
                solution_out,
                plan_only,
            };
            matching::run_match(matching::Source::Database(&db), "database", options, today).await
        }
        Command::Suggest {
            flow,
            top,
            json,
            lang,
            ..
        } => {
            let options = matching::SuggestOptions {
                flow,
                top: usize::from(top),
                json,
                lang: lang.lang(),
            };
            matching::run_suggest(matching::Source::Database(&db), options, today).await
        }
    }
}

/// `match` and `suggest` on an instance file; `None` for every other command (they need the
/// database).
async fn run_on_file(command: &Command, today: chrono::NaiveDate) -> anyhow::Result<Option<u8>> {
    match command {
        Command::Match {
            instance: Some(path),
            json,
            solution_out,
            plan_only,
        } => {
            let options = matching::MatchOptions {
                json: *json,
                solution_out: solution_out.clone(),
                plan_only: *plan_only,
            };
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            matching::run_match(matching::Source::File(path), &name, options, today)
                .await
                .map(Some)
        }
        Command::Suggest {
            instance: Some(path),
            flow,
            top,
            json,
            lang,
        } => {
            let options = matching::SuggestOptions {
                flow: flow.clone(),
                top: usize::from(*top),
                json: *json,
                lang: lang.lang(),
            };
            matching::run_suggest(matching::Source::File(path), options, today)
                .await
                .map(Some)
        }
        _ => Ok(None),
    }
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}
