import type { Lang } from '../../platform/i18n.ts';
import type { VersionDates } from '../declaration.ts';
import type { DiffLine, SectionDiff } from '../diff.ts';
import { type Messages, policyMessages } from './messages.ts';

/** Unchanged lines kept around each change, so a reader sees where it sits. */
const contextLines = 1;

function withContext(lines: DiffLine[]): (DiffLine | 'skipped')[] {
  const near = (index: number) =>
    lines
      .slice(Math.max(0, index - contextLines), index + contextLines + 1)
      .some((line) => line.change !== 'same');
  const shown: (DiffLine | 'skipped')[] = [];
  lines.forEach((line, index) => {
    if (line.change !== 'same' || near(index)) shown.push(line);
    else if (shown.at(-1) !== 'skipped') shown.push('skipped');
  });
  return shown;
}

function ChangedLines({ lines, msg }: { lines: DiffLine[]; msg: Messages }) {
  return (
    <ul class="diff-lines">
      {withContext(lines).map((line) => {
        if (line === 'skipped') return <li class="muted">{msg.diff.skipped}</li>;
        if (line.change === 'removed') {
          return (
            <li class="removed">
              <span class="diff-mark">{msg.diff.removed}</span> <del>{line.text}</del>
            </li>
          );
        }
        if (line.change === 'added') {
          return (
            <li class="added">
              <span class="diff-mark">{msg.diff.added}</span> <ins>{line.text}</ins>
            </li>
          );
        }
        return <li class="muted">{line.text}</li>;
      })}
    </ul>
  );
}

/** Two versions compared: the changed sections with removed and added lines, then the rest. */
export function PolicyDiffView(props: {
  diff: SectionDiff[];
  from: VersionDates;
  to: VersionDates;
  lang: Lang;
}) {
  const msg = policyMessages[props.lang];
  const changed = props.diff.filter((section) => section.changed);
  const unchanged = props.diff.filter((section) => !section.changed);
  const version = (v: VersionDates) => `${v.label} (${msg.diff.effective(v.effectiveOn)})`;
  return (
    <div class="policy-diff" lang={props.lang}>
      <p>{msg.diff.versions(version(props.from), version(props.to))}</p>
      {changed.length === 0 ? <p>{msg.diff.noChanges}</p> : null}
      {changed.length > 0 ? <h2>{msg.diff.changedSections}</h2> : null}
      {changed.map((section) => (
        <section id={`diff-${section.id}`}>
          <h3>{section.heading[props.lang]}</h3>
          {section.dataOnly ? (
            <p>{msg.diff.dataOnly}</p>
          ) : (
            <ChangedLines lines={section.lines[props.lang]} msg={msg} />
          )}
        </section>
      ))}
      {unchanged.length > 0 ? (
        <>
          <h2>{msg.diff.unchangedSections}</h2>
          <ul class="unchanged-sections">
            {unchanged.map((section) => (
              <li>{section.heading[props.lang]}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
