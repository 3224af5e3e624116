import { selectDialog, selectReplaying } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { useExchanges } from '../../ui/use-exchanges';
import { lazyPart } from '../../ui/lazy-part';
import { Modal } from '../../ui/modal';

const ReplayDialog = lazyPart('Replay', () => import('./replay-dialog').then((m) => m.ReplayDialog));
const BatchReplayDialog = lazyPart('Replay', () =>
  import('./batch-replay-dialog').then((m) => m.BatchReplayDialog),
);

/** The replay dialog for what was chosen: one exchange (editable), or a selection. */
export function ReplayHost() {
  const open = useAppStore(selectDialog) === 'replay';
  const replaying = useAppStore(selectReplaying);
  if (!open || !replaying) return null;
  const { selection, count } = replaying;
  if ('ids' in selection && selection.ids.length === 1 && selection.ids[0] !== undefined)
    return <SingleReplay id={selection.ids[0]} />;
  return <BatchReplayDialog selection={selection} count={count} />;
}

/** The exchange shown in the detail is at hand; another one (picked with `r`) is fetched. */
function SingleReplay({ id }: { id: string }) {
  const shown = useAppStore((state) => state.details[id]);
  return shown?.state === 'ready' ? <ReplayDialog exchange={shown.exchange} /> : <FetchedReplay id={id} />;
}

function FetchedReplay({ id }: { id: string }) {
  const { store } = useEngine();
  const loaded = useExchanges([id]);
  if (Array.isArray(loaded) && loaded[0]) return <ReplayDialog exchange={loaded[0]} />;
  const failure = typeof loaded === 'string' ? loaded : null;
  return (
    <Modal title="Replay" testId="replay-dialog" onClose={() => store.getState().openDialog(null)}>
      <p className={failure ? 'form-error' : 'muted'}>{failure ?? 'Loading…'}</p>
    </Modal>
  );
}
