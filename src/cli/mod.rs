//! The command line: `serve`, `migrate`, `import`, `export` and `demo`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::bulk;
use crate::config::Settings;
use crate::demo;
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
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

/// Exit status for input that was refused (the database is unchanged).
pub const EXIT_REJECTED: u8 = 1;
/// Exit status for a failure of the database or the file system.
pub const EXIT_FAILED: u8 = 3;

/// Runs a command; `Ok(code)` is the process exit status.
pub async fn run(cli: Cli) -> anyhow::Result<u8> {
    let addr = match &cli.command {
        Command::Serve { addr } => *addr,
        _ => None,
    };
    let settings = Settings::resolve(cli.database_url.clone(), addr);
    let db = storage::connect_and_migrate(&settings.database_url)
        .await
        .with_context(|| {
            format!(
                "cannot open the database {}",
                redact(&settings.database_url)
            )
        })?;
    let today = chrono::Local::now().date_naive();
    match cli.command {
        Command::Serve { .. } => {
            crate::web::serve(db, settings.addr).await?;
            Ok(0)
        }
        Command::Migrate => {
            println!(
                "database is up to date ({})",
                redact(&settings.database_url)
            );
            Ok(0)
        }
        Command::Demo => {
            let summary = match demo::load_demo(&db, today).await {
                Ok(summary) => summary,
                Err(e @ (demo::DemoError::AlreadyLoaded | demo::DemoError::Rejected(_))) => {
                    eprintln!("{e}");
                    return Ok(EXIT_REJECTED);
                }
                Err(e) => return Err(e.into()),
            };
            println!(
                "loaded the Keyport demo region: {} firms, {} offers, {} needs",
                summary.firms, summary.offers, summary.needs
            );
            Ok(0)
        }
        Command::Import { files } => import(&db, &files, today).await,
        Command::Export { format, out } => {
            let region = storage::load_region(&db).await?;
            match format {
                ExportFormat::Json => {
                    let file = std::fs::File::create(&out)
                        .with_context(|| format!("cannot create {}", out.display()))?;
                    let mut writer = std::io::BufWriter::new(file);
                    serde_json::to_writer_pretty(
                        &mut writer,
                        &bulk::json_instance::write_instance(&region),
                    )?;
                    std::io::Write::write_all(&mut writer, b"\n")?;
                }
                ExportFormat::Csv => bulk::csv_files::write_csv_dir(&region, &out)
                    .with_context(|| format!("cannot write to {}", out.display()))?,
            }
            println!(
                "exported {} firms, {} offers, {} needs to {}",
                region.firms.len(),
                region.offers.len(),
                region.needs.len(),
                out.display()
            );
            Ok(0)
        }
    }
}

async fn import(
    db: &sea_orm::DatabaseConnection,
    files: &[PathBuf],
    today: chrono::NaiveDate,
) -> anyhow::Result<u8> {
    let existing = storage::existing_keys(db).await?;
    let region = match bulk::read_files(files, &existing, today) {
        Ok(region) => region,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "import refused: {} problem(s); nothing was written",
                problems.len()
            );
            return Ok(EXIT_REJECTED);
        }
    };
    let total = region.firms.len() + region.offers.len() + region.needs.len();
    let bar = DelayedProgress::new(total as u64);
    let summary = storage::insert_region(db, &region, &|done| bar.set(done as u64)).await;
    bar.finish();
    let summary = summary.context("import failed; nothing was written")?;
    println!(
        "imported {} firms, {} offers, {} needs",
        summary.firms, summary.offers, summary.needs
    );
    Ok(0)
}

/// A progress bar that only appears once an operation has taken more than a second.
struct DelayedProgress {
    bar: ProgressBar,
    started: Instant,
}

impl DelayedProgress {
    fn new(total: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} records written ({eta} left)")
                .expect("valid template"),
        );
        DelayedProgress {
            bar,
            started: Instant::now(),
        }
    }

    fn set(&self, done: u64) {
        if self.bar.is_hidden() && self.started.elapsed() > Duration::from_secs(1) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.set_position(done);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
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
