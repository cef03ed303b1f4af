//! Asking one bank question in the terminal: the choices in their shown order, one or two
//! letters back, and the explanations. Shared by knowledge checks in `play`, `quiz` and
//! `exam`.

use std::io::Write;

use crate::exam::questions::Question;

/// What the trainee replied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The bank indices chosen.
    Chosen(Vec<usize>),
    Skip,
    /// `quit`: stop asking.
    Quit,
    /// The input ended.
    End,
}

pub fn letter(i: usize) -> char {
    char::from(b'a' + i as u8)
}

/// Reads letters ("b", "a c", "a,c", "AC") as shown positions: as many as the question
/// asks for, each a shown choice, none twice.
pub fn parse_letters(word: &str, choices: usize, choose: usize) -> Result<Vec<usize>, String> {
    let letters: Vec<char> = word
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let last = letter(choices - 1);
    let last = last.to_string();
    let usage = if choose == 1 {
        tr!("ask-one-letter", last = last)
    } else {
        tr!("ask-n-letters", choose = choose, last = last)
    };
    if letters.len() != choose {
        return Err(usage);
    }
    let mut shown = Vec::new();
    for c in letters {
        let i = (c as usize).wrapping_sub('a' as usize);
        if i >= choices || shown.contains(&i) {
            return Err(usage);
        }
        shown.push(i);
    }
    Ok(shown)
}

/// Prints the question (after `heading`) and reads a reply; `prompt` is shown before each
/// attempt (for example the time left).
pub fn pose(
    question: &Question,
    order: &[usize],
    heading: &str,
    prompt: &mut dyn FnMut() -> String,
    lines: &mut dyn Iterator<Item = String>,
    out: &mut dyn Write,
) -> std::io::Result<Reply> {
    writeln!(out, "\n{heading}")?;
    writeln!(out, "{}", crate::i18n::question_prompt(question))?;
    for (shown, &i) in order.iter().enumerate() {
        writeln!(
            out,
            "  {}) {}",
            letter(shown),
            crate::i18n::choice_text(question, i)
        )?;
    }
    let choose = usize::from(question.choose);
    loop {
        let last = letter(order.len() - 1).to_string();
        let hint = tr!("ask-hint", choose = choose, last = last);
        write!(out, "{}{}", prompt(), tr!("ask-your-answer", hint = hint))?;
        out.flush()?;
        let Some(line) = lines.next() else {
            writeln!(out)?;
            return Ok(Reply::End);
        };
        let word = line.trim().to_lowercase();
        match word.as_str() {
            "skip" | "s" => return Ok(Reply::Skip),
            "quit" | "q" => return Ok(Reply::Quit),
            _ => {}
        }
        match parse_letters(&word, order.len(), choose) {
            Ok(shown) => return Ok(Reply::Chosen(shown.iter().map(|&s| order[s]).collect())),
            Err(usage) => writeln!(out, "{usage}")?,
        }
    }
}

/// Says whether the answer was right, with the explanation of each choice made and, when
/// wrong, the right answer with its explanation.
pub fn feedback(
    question: &Question,
    order: &[usize],
    chosen: &[usize],
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    let right = question.is_right(chosen);
    if right {
        writeln!(out, "{}", tr!("answer-right"))?;
    } else {
        writeln!(out, "{}", tr!("answer-not-quite"))?;
    }
    for &i in chosen {
        writeln!(
            out,
            "  {}",
            tr!(
                "ask-you-chose",
                letter = shown_letter(order, i).to_string(),
                choice = crate::i18n::choice_text(question, i)
            )
        )?;
        writeln!(out, "  {}", crate::i18n::choice_explanation(question, i))?;
    }
    if !right {
        for i in question.answers() {
            if chosen.contains(&i) {
                continue;
            }
            writeln!(
                out,
                "  {}\n  {}",
                tr!(
                    "ask-the-answer",
                    letter = shown_letter(order, i).to_string(),
                    choice = crate::i18n::choice_text(question, i)
                ),
                crate::i18n::choice_explanation(question, i)
            )?;
        }
    }
    Ok(right)
}

fn shown_letter(order: &[usize], index: usize) -> char {
    letter(order.iter().position(|&i| i == index).unwrap_or(index))
}

/// The terminal game's commands: edited with the arrow keys and kept in a history (up and
/// down) when standard input and output are a terminal, read plainly otherwise (a pipe, a
/// script, a test). As an iterator it gives plain lines, for answers to questions.
pub struct Commands {
    editor: Option<rustyline::DefaultEditor>,
    plain: Box<dyn Iterator<Item = String>>,
}

impl Commands {
    pub fn new() -> Commands {
        use std::io::IsTerminal;
        let editor = if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            rustyline::DefaultEditor::new().ok()
        } else {
            None
        };
        Commands {
            editor,
            plain: Box::new(stdin_lines()),
        }
    }

    /// Shows the prompt and reads one command; `None` at the end of the input (Ctrl-D).
    /// Ctrl-C abandons the line being typed.
    pub fn read(&mut self, prompt: &str, out: &mut impl Write) -> Option<String> {
        let Some(editor) = self.editor.as_mut() else {
            let _ = write!(out, "{prompt}");
            let _ = out.flush();
            return self.plain.next();
        };
        match editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                Some(line)
            }
            Err(rustyline::error::ReadlineError::Interrupted) => Some(String::new()),
            Err(_) => None,
        }
    }
}

impl Default for Commands {
    fn default() -> Self {
        Commands::new()
    }
}

impl Iterator for Commands {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        self.plain.next()
    }
}

/// Standard input as lines; a line that is not UTF-8 is read lossily (it is then just an
/// answer that is not understood) and a read error ends the input.
pub fn stdin_lines() -> impl Iterator<Item = String> {
    use std::io::BufRead;
    let mut stdin = std::io::stdin().lock();
    std::iter::from_fn(move || {
        let mut buf = Vec::new();
        match stdin.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                Some(String::from_utf8_lossy(&buf).into_owned())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_read_in_every_usual_form() {
        assert_eq!(parse_letters("b", 4, 1), Ok(vec![1]));
        assert_eq!(parse_letters("A c", 5, 2), Ok(vec![0, 2]));
        assert_eq!(parse_letters("a,e", 5, 2), Ok(vec![0, 4]));
        assert!(parse_letters("aa", 5, 2).is_err());
        assert!(parse_letters("a", 5, 2).is_err());
        assert!(parse_letters("f", 5, 1).is_err());
        assert!(parse_letters("", 4, 1).is_err());
    }
}
